package dev.lazurite.portal.batches;

import dev.lazurite.batch.Batch;
import dev.lazurite.batch.BatchStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A batch job as the batches page lists it.
 *
 * @param createdAt when it was created, to the minute, UTC
 * @param expiresAt the end of its completion window, to the minute, UTC
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
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static BatchView of(Batch b, Batch.RequestCounts counts) {
    return new BatchView(
        b.id(),
        b.status().wire(),
        b.endpoint(),
        b.deployment().orElse(""),
        counts.total(),
        counts.completed(),
        counts.failed(),
        MINUTE.format(Instant.ofEpochSecond(b.createdAt())),
        MINUTE.format(Instant.ofEpochSecond(b.expiresAt())),
        b.status() == BatchStatus.VALIDATING || b.status() == BatchStatus.IN_PROGRESS);
  }

  /** Answered lines out of all, in percent; 0 before the lines are counted. */
  public int percent() {
    return total == 0 ? 0 : (int) ((completed + failed) * 100 / total);
  }
}
