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
 */
public record StoredResponse(
    String resource,
    String owner,
    String id,
    long createdAt,
    long expiresAt,
    ObjectNode body,
    List<ObjectNode> inputItems,
    List<ObjectNode> context) {
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
