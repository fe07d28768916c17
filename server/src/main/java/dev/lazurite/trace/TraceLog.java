package dev.lazurite.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Trace} records, kept in the store every instance shares for {@code retention}.
 * Requests hand their record over to a bounded queue and never wait: one writer thread stores what
 * has arrived in batches of up to {@value #BATCH}. When the queue is full, or the store refuses a
 * batch, the records are dropped and counted ({@link #dropped()}) rather than slowing requests.
 * Queries read the store, so they list every instance's records, none older than the retention.
 * Each batch also goes to the configured sinks (the JSON-lines file, the OTLP log export), as the
 * audit log's records do, whether or not the store took it.
 */
public final class TraceLog implements AutoCloseable {
  public static final int DEFAULT_QUEUE = 10_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(TraceLog.class);
  private static final int BATCH = 512;
  private static final Duration LINGER = Duration.ofMillis(20);
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

  private final TraceStore store;
  private final Duration retention;
  private final Clock clock;
  private final ArrayBlockingQueue<TraceRecord> queue;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final List<Consumer<List<TraceRecord>>> sinks;
  private final Thread writer;
  private volatile boolean closing;

  /**
   * @param queueCapacity how many records may wait for the writer; past that they are dropped
   */
  public TraceLog(TraceStore store, int queueCapacity, Duration retention, Clock clock) {
    this(store, queueCapacity, retention, clock, List.of());
  }

  /**
   * @param queueCapacity how many records may wait for the writer; past that they are dropped
   * @param sinks where each batch goes besides the store; called on the writer's thread, and what
   *     they throw is logged
   */
  public TraceLog(
      TraceStore store,
      int queueCapacity,
      Duration retention,
      Clock clock,
      List<Consumer<List<TraceRecord>>> sinks) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("trace queue must be >= 1, got " + queueCapacity);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("trace retention must be positive, got " + retention);
    }
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.sinks = List.copyOf(sinks);
    this.writer = Thread.ofPlatform().name("lazurite-trace-writer").daemon(true).start(this::run);
  }

  /** Hands a record to the writer; drops it when the queue is full. Never blocks. */
  public void add(TraceRecord record) {
    pending.incrementAndGet();
    if (closing || !queue.offer(record)) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
    }
  }

  /** How many records were dropped: queue full, store refused them, or the log closing. */
  public long dropped() {
    return dropped.get();
  }

  public Duration retention() {
    return retention;
  }

  /**
   * Records of every instance, oldest first, each filter optional; this instance's records handed
   * over so far are stored first.
   *
   * @param status the result signature ({@code 200}, {@code 429})
   */
  public List<TraceRecord> query(
      Optional<Instant> since,
      Optional<String> principal,
      Optional<String> deployment,
      Optional<String> status,
      int limit) {
    flush();
    Instant oldest = clock.instant().minus(retention);
    Instant from = since.filter(s -> s.isAfter(oldest)).orElse(oldest);
    return store.queryTraces(from, principal, deployment, status, limit);
  }

  /** Deletes the stored records past retention; returns how many. */
  public int sweep() {
    return store.deleteTracesBefore(clock.millis() - retention.toMillis());
  }

  /** Waits (a few seconds at most) until the records handed over so far are stored or dropped. */
  public void flush() {
    long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
    while (pending.get() > 0 && writer.isAlive() && System.nanoTime() < deadline) {
      sleep(5);
    }
  }

  private void run() {
    List<TraceRecord> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        TraceRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        store(batch);
        if (!closing) {
          Thread.sleep(LINGER.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void store(List<TraceRecord> batch) {
    try {
      store.appendTraces(batch);
    } catch (RuntimeException e) {
      dropped.addAndGet(batch.size());
      LOG.warn("could not store {} trace records; dropped", batch.size(), e);
    }
    try {
      for (Consumer<List<TraceRecord>> sink : sinks) {
        try {
          sink.accept(batch);
        } catch (RuntimeException e) {
          LOG.warn("{} trace records could not be forwarded: {}", batch.size(), e.toString());
        }
      }
    } finally {
      pending.addAndGet(-batch.size());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stores the records still queued, then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
