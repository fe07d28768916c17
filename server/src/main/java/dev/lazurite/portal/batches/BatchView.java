package dev.lazurite.portal.batches;

import dev.lazurite.batch.Batch;
import dev.lazurite.batch.BatchStatus;
import java.time.Instant;

/**
 * A batch job as the batches page lists it.
 *
 * @param createdAt ISO-8601 instant, UTC
 * @param expiresAt ISO-8601 instant, UTC: the end of its completion window
 * @param cancellable whether it is still validating or running
 */
public record BatchView(
    String id,
    String status,
    String endpoint,
    String deployment,
    long total,
    long completed,
    long failed,
    String createdAt,
    String expiresAt,
    boolean cancellable) {
  static BatchView of(Batch b, Batch.RequestCounts counts) {
    return new BatchView(
        b.id(),
        b.status().wire(),
        b.endpoint(),
        b.deployment().orElse(""),
        counts.total(),
        counts.completed(),
        counts.failed(),
        Instant.ofEpochSecond(b.createdAt()).toString(),
        Instant.ofEpochSecond(b.expiresAt()).toString(),
        b.status() == BatchStatus.VALIDATING || b.status() == BatchStatus.IN_PROGRESS);
  }

  /** Answered lines out of all, in percent; 0 before the lines are counted. */
  public int percent() {
    return total == 0 ? 0 : (int) ((completed + failed) * 100 / total);
  }
}
