package dev.lazurite.audit;

import dev.lazurite.schedule.Periodic;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the audit log's retention in the store: records older than {@code retention} are deleted
 * up to the newest checkpoint among them, so that the oldest record kept is always one a signed
 * checkpoint vouches for and the rest of the stream still verifies. The JSON-lines files are left
 * to the operator's log rotation.
 */
public final class AuditSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSweeper.class);

  private final AuditStore store;
  private final Duration retention;
  private final Clock clock;
  private final Periodic task;

  public AuditSweeper(AuditStore store, Duration retention, Clock clock, Duration interval) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.task =
        Periodic.sweep("lazurite-audit-sweeper", interval, "audit records", this::sweepLogged);
  }

  /** Deletes what retention allows now; returns how many records were deleted. */
  public int sweep() {
    long cutoff = clock.millis() - retention.toMillis();
    int deleted = 0;
    for (String stream : store.streams()) {
      OptionalLong point = store.sweepPoint(stream, cutoff);
      if (point.isPresent()) {
        deleted += store.deleteBefore(stream, point.getAsLong());
      }
    }
    return deleted;
  }

  private void sweepLogged() {
    int deleted = sweep();
    if (deleted > 0) {
      LOG.info("removed {} audit records past retention", deleted);
    }
  }

  @Override
  public void close() {
    task.close();
  }
}
