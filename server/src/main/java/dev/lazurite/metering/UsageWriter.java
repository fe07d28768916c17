package dev.lazurite.metering;

import dev.lazurite.store.UsageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes usage records off the request path: requests enqueue and return; one writer thread stores
 * them in batches. {@link #close()} stores everything still queued before it returns, so a graceful
 * shutdown loses no record.
 */
public final class UsageWriter implements UsageSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsageWriter.class);
  private static final int BATCH = 512;

  private final UsageStore store;
  private final LinkedBlockingQueue<UsageRecord> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final java.util.concurrent.atomic.AtomicLong pending =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closing;

  public UsageWriter(UsageStore store) {
    this.store = store;
    this.writer = Thread.ofPlatform().name("lazurite-usage-writer").daemon(true).start(this::run);
  }

  @Override
  public void record(UsageRecord record) {
    pending.incrementAndGet();
    queue.add(record);
  }

  private void run() {
    List<UsageRecord> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        UsageRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        store.append(batch);
        pending.addAndGet(-batch.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("could not store {} usage records; retrying", batch.size(), e);
        queue.addAll(batch);
        sleepQuietly();
      } finally {
        batch.clear();
      }
    }
  }

  /** Waits until everything recorded so far has been stored. */
  public void flush() {
    while (pending.get() > 0 && writer.isAlive()) {
      sleepQuietly();
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      List<UsageRecord> rest = new ArrayList<>();
      queue.drainTo(rest);
      store.append(rest);
      pending.addAndGet(-rest.size());
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
