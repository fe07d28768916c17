package dev.lazurite.capture;

import dev.lazurite.schedule.Periodic;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces each capture's retention: a capture carries the day it expires (its deployment's
 * retention when it was taken), and the sweep deletes those past it. Captures are outside the audit
 * chain, so deleting them never breaks its verification.
 */
public final class CaptureSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureSweeper.class);

  private final CaptureStore store;
  private final Clock clock;
  private final Periodic task;

  public CaptureSweeper(CaptureStore store, Clock clock, Duration interval) {
    this.store = store;
    this.clock = clock;
    this.task = Periodic.sweep("lazurite-capture-sweeper", interval, "captures", this::sweepLogged);
  }

  /** Deletes the captures past their retention now; returns how many. */
  public int sweep() {
    return store.deleteExpired(clock.millis());
  }

  private void sweepLogged() {
    int deleted = sweep();
    if (deleted > 0) {
      LOG.info("removed {} captures past retention", deleted);
    }
  }

  @Override
  public void close() {
    task.close();
  }
}
