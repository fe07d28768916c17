package dev.lazurite.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService executor;

  public CaptureSweeper(CaptureStore store, Clock clock, Duration interval) {
    this.store = store;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("lazurite-capture-sweeper").factory());
    executor.scheduleWithFixedDelay(
        this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Deletes the captures past their retention now; returns how many. */
  public int sweep() {
    return store.deleteExpired(clock.millis());
  }

  private void sweepQuietly() {
    try {
      int deleted = sweep();
      if (deleted > 0) {
        LOG.info("removed {} captures past retention", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warn("captures could not be swept: {}", e.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
