package dev.lazurite.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired files in the background, every {@code interval}, a bounded batch at a time.
 * Expired files are already invisible to every request; this frees their storage. Also removes
 * contents whose upload never ended because the process writing them died.
 */
public final class FileSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileSweeper.class);
  private static final int BATCH = 1000;

  /** A content write still unfinished after this long was abandoned by a process that died. */
  static final Duration ABANDONED_AFTER = Duration.ofHours(6);

  private final ScheduledExecutorService executor;

  private FileSweeper(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static FileSweeper start(FileService files, Duration interval) {
    return start(files, interval, Clock.systemUTC());
  }

  /**
   * @param clock tells when a write began too long ago to be still running
   */
  public static FileSweeper start(FileService files, Duration interval, Clock clock) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("file-sweeper").factory());
    executor.scheduleWithFixedDelay(
        () -> sweep(files, clock), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return new FileSweeper(executor);
  }

  private static void sweep(FileService files, Clock clock) {
    try {
      int removed;
      do {
        removed = files.sweepExpired(BATCH);
        if (removed > 0) {
          LOG.info("removed {} expired files", removed);
        }
      } while (removed == BATCH && !Thread.currentThread().isInterrupted());
      Instant before = clock.instant().minus(ABANDONED_AFTER);
      do {
        removed = files.sweepAbandoned(before, BATCH);
        if (removed > 0) {
          LOG.info("removed {} contents whose upload never ended", removed);
        }
      } while (removed == BATCH && !Thread.currentThread().isInterrupted());
    } catch (RuntimeException e) {
      LOG.warn("expired files could not be swept: {}", e.toString());
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
