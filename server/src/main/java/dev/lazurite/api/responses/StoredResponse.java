package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A response kept for {@code previous_response_id}, retrieval and its input items: it belongs to
 * one resource and one principal ({@code owner}), and is gone after {@code expiresAt}.
 *
 * @param body the response object as it was answered
 * @param inputItems this turn's input items, with their ids
 * @param context every item a continuation starts from: the chain's earlier items, this turn's
 *     input and its output (instructions are not carried over, as on OpenAI)
 * @param leaseUntil for a background response still {@code queued} or {@code in_progress}: the
 *     second until which the instance running it holds it; past it, the work is taken to have died
 *     with its instance (0 for a response that is not running)
 */
public record StoredResponse(
    String resource,
    String owner,
    String id,
    long createdAt,
    long expiresAt,
    ObjectNode body,
    List<ObjectNode> inputItems,
    List<ObjectNode> context,
    long leaseUntil) {
  /** A response that is not running in the background. */
  public StoredResponse(
      String resource,
      String owner,
      String id,
      long createdAt,
      long expiresAt,
      ObjectNode body,
      List<ObjectNode> inputItems,
      List<ObjectNode> context) {
    this(resource, owner, id, createdAt, expiresAt, body, inputItems, context, 0);
  }

  /** The body's {@code status}: {@code completed}, {@code queued}, {@code in_progress}, …. */
  public String status() {
    return body.path("status").asText("completed");
  }

  /** Whether the response is a background response that has not ended. */
  public boolean running() {
    return isRunning(status());
  }

  /** Whether {@code status} is one a background response has before it ends. */
  public static boolean isRunning(String status) {
    return status.equals("queued") || status.equals("in_progress");
  }

  /** The same response with another body, context and lease. */
  public StoredResponse with(ObjectNode newBody, List<ObjectNode> newContext, long newLease) {
    return new StoredResponse(
        resource, owner, id, createdAt, expiresAt, newBody, inputItems, newContext, newLease);
  }

  public StoredResponse {
    requireNonNull(resource, "resource is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(id, "id is null");
    requireNonNull(body, "body is null");
    inputItems = List.copyOf(inputItems);
    context = List.copyOf(context);
    if (expiresAt < createdAt) {
      throw new IllegalArgumentException("expiresAt must not be before createdAt");
    }
  }
}
