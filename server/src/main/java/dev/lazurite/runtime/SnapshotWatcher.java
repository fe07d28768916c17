package dev.lazurite.runtime;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance in step with the others on the same database: whenever the store's snapshot
 * version differs from the one in force, the runtime snapshot is rebuilt from the store and swapped
 * in. When the store cannot be read, the last snapshot stays in force and the watcher retries.
 */
public final class SnapshotWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWatcher.class);

  /** Waits for a sign that the version changed, at most the given time; false if interrupted. */
  public interface Signal {
    boolean await(long millis);
  }

  private final Supplier<RuntimeSnapshot> snapshots;
  private final LongSupplier storedVersion;
  private final Runnable rebuild;
  private final Signal signal;
  private final Duration interval;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean failing;

  /**
   * @param storedVersion reads the version from the store
   * @param rebuild rebuilds the snapshot from the store and swaps it in
   * @param signal returns early when the database announces a change (or after {@code interval})
   * @param interval the longest time between two reads of the version
   */
  public SnapshotWatcher(
      Supplier<RuntimeSnapshot> snapshots,
      LongSupplier storedVersion,
      Runnable rebuild,
      Signal signal,
      Duration interval) {
    this.snapshots = snapshots;
    this.storedVersion = storedVersion;
    this.rebuild = rebuild;
    this.signal = signal;
    this.interval = interval;
    this.thread =
        Thread.ofPlatform().daemon(true).name("lazurite-snapshot-watcher").start(this::run);
  }

  private void run() {
    while (running) {
      if (!signal.await(interval.toMillis())) {
        return;
      }
      if (running) {
        check();
      }
    }
  }

  /** Rebuilds now if the store moved on; what the loop does after every signal. */
  void check() {
    try {
      if (storedVersion.getAsLong() != snapshots.get().version()) {
        rebuild.run();
      }
      if (failing) {
        LOG.info("the store answers again; the runtime snapshot follows it");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "the store cannot be read ({}); requests are decided on the last snapshot",
            e.toString());
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
