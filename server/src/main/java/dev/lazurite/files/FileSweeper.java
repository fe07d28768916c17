package dev.lazurite.files;

import dev.lazurite.schedule.Periodic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private final Periodic task;

  private FileSweeper(Periodic task) {
    this.task = task;
  }

  public static FileSweeper start(FileService files, Duration interval) {
    return start(files, interval, Clock.systemUTC());
  }

  /**
   * @param clock tells when a write began too long ago to be still running
   */
  public static FileSweeper start(FileService files, Duration interval, Clock clock) {
    return new FileSweeper(
        Periodic.sweep("file-sweeper", interval, "expired files", () -> sweep(files, clock)));
  }

  private static void sweep(FileService files, Clock clock) {
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
  }

  @Override
  public void close() {
    task.close();
  }
}
