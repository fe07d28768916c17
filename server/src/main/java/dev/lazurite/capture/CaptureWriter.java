package dev.lazurite.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores captures off the request path: callers hand a capture over and return; one thread stores
 * whatever has arrived in one transaction and then hands each capture to the forwarders (the OTLP
 * log sink). At most {@value #MAX_PENDING} captures wait; beyond that new ones are dropped and
 * counted, so that a slow store never holds requests up.
 */
public final class CaptureWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);
  private static final int BATCH = 256;
  static final int MAX_PENDING = 10_000;

  private final CaptureStore store;
  private final List<Consumer<Capture>> forwards;
  private final LinkedBlockingQueue<Capture> queue = new LinkedBlockingQueue<>(MAX_PENDING);
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean closing;

  public CaptureWriter(CaptureStore store, List<Consumer<Capture>> forwards) {
    this.store = store;
    this.forwards = List.copyOf(forwards);
    this.thread = Thread.ofPlatform().name("lazurite-capture-writer").daemon(true).start(this::run);
  }

  /** Hands a capture over; never blocks. */
  public void record(Capture capture) {
    pending.incrementAndGet();
    if (!queue.offer(capture)) {
      pending.decrementAndGet();
      if (dropped.incrementAndGet() % 1000 == 1) {
        LOG.warn("the capture store falls behind; {} captures dropped so far", dropped.get());
      }
    }
  }

  /** Captures dropped because too many were waiting. */
  public long dropped() {
    return dropped.get();
  }

  private void run() {
    List<Capture> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Capture first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Capture> batch) {
    try {
      store.append(batch);
    } catch (RuntimeException e) {
      LOG.error("could not store {} captures", batch.size(), e);
    }
    for (Capture capture : batch) {
      for (Consumer<Capture> forward : forwards) {
        try {
          forward.accept(capture);
        } catch (RuntimeException e) {
          LOG.warn("a capture could not be forwarded: {}", e.toString());
        }
      }
    }
    pending.addAndGet(-batch.size());
  }

  /** Waits until everything handed over so far has been written. */
  public void flush() {
    while (pending.get() > 0 && thread.isAlive()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes everything accepted so far, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
