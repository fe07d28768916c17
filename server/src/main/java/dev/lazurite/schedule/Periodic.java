package dev.lazurite.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background task run every {@code interval} (first after one interval) on its own daemon thread,
 * as the retention sweeps of files, audit records and captures are. A run that fails is logged and
 * the next one still happens; {@link #close()} stops the thread, interrupting a run in progress.
 */
public final class Periodic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

  private final ScheduledExecutorService executor;

  private Periodic(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Starts running {@code sweep} every {@code interval}.
   *
   * @param what what the task sweeps, for the warning when a run fails ("captures")
   */
  public static Periodic sweep(String threadName, Duration interval, String what, Runnable sweep) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name(threadName).factory());
    Runnable quietly =
        () -> {
          try {
            sweep.run();
          } catch (RuntimeException e) {
            LOG.warn("{} could not be swept: {}", what, e.toString());
          }
        };
    executor.scheduleWithFixedDelay(
        quietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return new Periodic(executor);
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
