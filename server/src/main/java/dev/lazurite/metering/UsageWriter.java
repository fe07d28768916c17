package dev.lazurite.metering;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.schedule.BackgroundPriority;
import dev.lazurite.store.UsageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes usage records off the request path: requests hand their record over; one writer thread
 * stores whatever has arrived in one transaction (up to {@value #BATCH} records), so requests that
 * arrive while a commit is under way share the next one (group commit); in the default asynchronous
 * mode the writer lets records gather for {@link #LINGER} after a commit that did not fill a batch
 * (under more load full batches follow each other without a pause). Under {@link
 * UsageDurability#STRICT} each request waits for the commit that holds its record (see {@link
 * UsageSink}). {@link #close()} stores everything still queued before it returns, so a graceful
 * shutdown loses no record in either mode.
 */
public final class UsageWriter implements UsageSink, AutoCloseable {
  /** The longest a strict request waits for its commit before it fails. */
  public static final Duration STRICT_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(UsageWriter.class);
  private static final int BATCH = 512;

  /**
   * How long an asynchronous writer lets records gather after a commit of less than a batch. A
   * commit writes whole database pages, so at a few thousand requests a second its cost is mostly
   * per commit: two whole servers taking turns at 64 connections, 20 ms against 5 ms, spent 0.73x
   * the writer's CPU per request and served 3 % more requests (bench/README.md). Records reach the
   * store up to that much later, and that much is what a {@code kill -9} can lose.
   */
  static final Duration LINGER = Duration.ofMillis(20);

  /** Completed by the writer like any other; nobody waits on it. */
  private static final CompletableFuture<Void> NOBODY_WAITS = new CompletableFuture<>();

  private record Handoff(UsageRecord record, CompletableFuture<Void> committed) {}

  private final UsageStore store;
  private final UsageDurability durability;
  private final Duration strictWait;
  private final LinkedBlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean closing;

  public UsageWriter(UsageStore store, UsageDurability durability) {
    this(store, durability, STRICT_WAIT);
  }

  UsageWriter(UsageStore store, UsageDurability durability, Duration strictWait) {
    this.store = store;
    this.durability = durability;
    this.strictWait = strictWait;
    this.writer = Thread.ofPlatform().name("lazurite-usage-writer").daemon(true).start(this::run);
  }

  public UsageDurability durability() {
    return durability;
  }

  @Override
  public void record(UsageRecord record) {
    pending.incrementAndGet();
    switch (durability) {
      case ASYNC -> queue.add(new Handoff(record, NOBODY_WAITS));
      case STRICT -> {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        queue.add(new Handoff(record, committed));
        await(committed, record);
      }
    }
  }

  private void await(CompletableFuture<Void> committed, UsageRecord record) {
    try {
      committed.get(strictWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The record stays queued and is stored when the store recovers; this response fails.
      LOG.error("usage record of request {} not committed in time", record.requestId());
      throw ApiException.of(ErrorCode.INTERNAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.of(ErrorCode.INTERNAL);
    }
  }

  private void run() {
    switch (durability) {
      // Nobody waits for an asynchronous writer: it gives way to request threads.
      case ASYNC -> BackgroundPriority.lowerCurrentThread();
      // Requests wait for a strict writer's commits: it keeps the normal priority.
      case STRICT -> {}
    }
    List<Handoff> batch = new ArrayList<>(BATCH);
    List<UsageRecord> records = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Handoff first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        commit(batch, records);
        if (durability == UsageDurability.ASYNC && !closing && batch.size() < BATCH) {
          // Nobody waits for an asynchronous commit: the next one takes what arrives meanwhile,
          // so a commit is not paid per request, and handing a record over wakes nobody.
          Thread.sleep(LINGER.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("could not store {} usage records; retrying", batch.size(), e);
        queue.addAll(batch);
        sleepQuietly();
      } finally {
        batch.clear();
        records.clear();
      }
    }
  }

  private void commit(List<Handoff> batch, List<UsageRecord> records) {
    for (Handoff handoff : batch) {
      records.add(handoff.record());
    }
    store.append(records);
    pending.addAndGet(-batch.size());
    for (Handoff handoff : batch) {
      handoff.committed().complete(null);
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
      List<Handoff> rest = new ArrayList<>();
      queue.drainTo(rest);
      commit(rest, new ArrayList<>());
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
