package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A batch job of one resource, as stored.
 *
 * @param deployment the deployment its lines name: known at creation from the deployment-scoped
 *     route or the first line, and at the latest once validated
 * @param enqueuedTokens the input tokens the batch holds against its deployment's enqueued-token
 *     quota while it is not terminal (an estimate from the input's characters)
 * @param metadata the caller's metadata object as sent, JSON text
 * @param outputExpiresAfter seconds after which the output and error files expire
 * @param expiresAt unix seconds: creation plus the 24-hour completion window (informational)
 * @param reached unix seconds at which each status after {@code validating} was entered
 */
public record Batch(
    String id,
    String resource,
    String endpoint,
    String inputFileId,
    String completionWindow,
    BatchStatus status,
    Optional<String> deployment,
    long enqueuedTokens,
    Optional<String> outputFileId,
    Optional<String> errorFileId,
    List<BatchError> errors,
    Optional<String> metadata,
    OptionalLong outputExpiresAfter,
    long createdAt,
    long expiresAt,
    Map<BatchStatus, Long> reached,
    RequestCounts counts) {
  public Batch {
    requireNonNull(id, "id is null");
    requireNonNull(resource, "resource is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(inputFileId, "inputFileId is null");
    requireNonNull(completionWindow, "completionWindow is null");
    requireNonNull(status, "status is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(outputFileId, "outputFileId is null");
    requireNonNull(errorFileId, "errorFileId is null");
    errors = List.copyOf(errors);
    requireNonNull(metadata, "metadata is null");
    requireNonNull(outputExpiresAfter, "outputExpiresAfter is null");
    reached = reached.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reached));
    requireNonNull(counts, "counts is null");
  }

  /** How many lines the batch has, answered with 200, and answered otherwise. */
  public record RequestCounts(long total, long completed, long failed) {
    public static final RequestCounts NONE = new RequestCounts(0, 0, 0);
  }

  /** When the batch entered a status; empty when it has not. */
  public OptionalLong at(BatchStatus status) {
    if (status == BatchStatus.VALIDATING) {
      return OptionalLong.of(createdAt);
    }
    Long at = reached.get(status);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }
}
