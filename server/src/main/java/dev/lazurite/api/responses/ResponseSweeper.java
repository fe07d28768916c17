package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import dev.lazurite.schedule.Periodic;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes stored responses past their 30-day retention in the background, every {@code interval},
 * with their kept stream events, and the kept events of responses that can no longer be streamed.
 * Expired responses are already invisible to every request; this frees their storage. Each instance
 * sweeps; a sweep is a delete of what has expired, so instances sweeping together remove each row
 * once.
 */
public final class ResponseSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseSweeper.class);

  /** How often a server sweeps. */
  public static final Duration INTERVAL = Duration.ofMinutes(10);

  private final ResponseStore store;
  private final Clock clock;
  private final Periodic task;

  private ResponseSweeper(ResponseStore store, Clock clock, Duration interval) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.task =
        Periodic.sweep("lazurite-response-sweeper", interval, "stored responses", this::logged);
  }

  public static ResponseSweeper start(ResponseStore store, Duration interval, Clock clock) {
    return new ResponseSweeper(store, clock, interval);
  }

  /** Removes what has expired now; returns how many responses. */
  public int sweep() {
    long now = clock.instant().getEpochSecond();
    int removed = store.deleteExpired(now);
    store.deleteStaleEvents(now - ResponseEvents.STREAMABLE.toSeconds());
    return removed;
  }

  private void logged() {
    int removed = sweep();
    if (removed > 0) {
      LOG.info("removed {} stored responses past retention", removed);
    }
  }

  @Override
  public void close() {
    task.close();
  }
}
