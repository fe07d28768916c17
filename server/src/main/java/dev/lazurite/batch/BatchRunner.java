package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import dev.lazurite.config.BatchConfig;
import dev.lazurite.files.FileService;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's batch worker. Every step is taken from the database and is safe to attempt from
 * any instance at any time: validation and finalization are done under a batch lease, lines are
 * claimed in chunks under line leases, and each line keeps the first answer stored for it. An
 * instance that dies leaves leases that run out; another instance (or this one restarted) takes the
 * work over. Lines of one deployment run at most {@link BatchConfig#concurrency()} at a time here,
 * and a throttled line waits for its retry time, so live traffic keeps its share.
 */
public final class BatchRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
  private static final int SCAN = 50;

  /** Lines claimed at once, per line that may run at once. */
  private static final int CHUNK = 4;

  private final BatchRepository batches;
  private final BatchConfig config;
  private final Clock clock;
  private final BatchValidation validation;
  private final BatchFinalizer finalizer;
  private final LineCall lines;
  private final String instance = "runner-" + UUID.randomUUID();
  private final AtomicLong claims = new AtomicLong();
  private final Map<String, Semaphore> perDeployment = new ConcurrentHashMap<>();
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean stopped;
  private volatile Thread thread;

  public BatchRunner(
      BatchRepository batches,
      FileService files,
      Supplier<RuntimeSnapshot> snapshot,
      InternalCalls calls,
      BatchConfig config,
      Clock clock) {
    this.batches = requireNonNull(batches, "batches is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.validation = new BatchValidation(batches, files, snapshot, clock);
    this.finalizer = new BatchFinalizer(batches, files, clock);
    this.lines = new LineCall(calls, config.pollInterval());
  }

  /** Starts the worker thread. */
  public BatchRunner start() {
    thread = Thread.ofPlatform().daemon(true).name("lazurite-batch-runner").start(this::loop);
    return this;
  }

  /** Looks for work now instead of at the next poll. */
  public void wake() {
    wakeUp.release();
  }

  private void loop() {
    while (!stopped) {
      boolean busy = false;
      try {
        busy = runOnce();
      } catch (IOException | RuntimeException e) {
        LOG.warn("batch work failed; it is tried again: {}", e.toString());
      }
      if (!busy) {
        try {
          wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        wakeUp.drainPermits();
      }
    }
  }

  /**
   * One pass over every batch with work.
   *
   * @return whether anything was done (then the next pass starts at once)
   */
  boolean runOnce() throws IOException {
    boolean busy = false;
    for (String id : batches.idsIn(BatchStatus.VALIDATING, SCAN)) {
      busy |= validate(id);
    }
    for (String id : batches.idsIn(BatchStatus.IN_PROGRESS, SCAN)) {
      busy |= runLines(id);
    }
    for (String id : batches.idsIn(BatchStatus.FINALIZING, SCAN)) {
      busy |= end(id, BatchStatus.FINALIZING, BatchStatus.COMPLETED);
    }
    for (String id : batches.idsIn(BatchStatus.CANCELLING, SCAN)) {
      busy |= end(id, BatchStatus.CANCELLING, BatchStatus.CANCELLED);
    }
    return busy && !stopped;
  }

  private boolean validate(String id) throws IOException {
    if (!lease(id, BatchStatus.VALIDATING)) {
      return false;
    }
    Optional<Batch> batch = batches.findById(id).filter(b -> b.status() == BatchStatus.VALIDATING);
    if (batch.isEmpty()) {
      return false;
    }
    validation.validate(batch.get(), instance, () -> lease(id, BatchStatus.VALIDATING));
    return true;
  }

  private boolean runLines(String id) throws IOException {
    Optional<Batch> found = batches.findById(id).filter(b -> b.status() == BatchStatus.IN_PROGRESS);
    if (found.isEmpty()) {
      return false;
    }
    Batch batch = found.get();
    long nowSeconds = clock.instant().getEpochSecond();
    if (config.expiry().isPresent()
        && batch.createdAt() + config.expiry().get().toSeconds() <= nowSeconds) {
      return end(id, BatchStatus.IN_PROGRESS, BatchStatus.EXPIRED);
    }
    String token = instance + "-" + claims.incrementAndGet();
    long now = clock.millis();
    List<BatchLine> claimed =
        batches.claim(
            id, token, now, now + config.lease().toMillis(), config.concurrency() * CHUNK);
    if (claimed.isEmpty()) {
      if (batches.unanswered(id) == 0) {
        return batches.move(
            id, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, nowSeconds, Optional.empty());
      }
      return false;
    }
    Semaphore slots =
        perDeployment.computeIfAbsent(
            batch.resource() + "/" + batch.deployment().orElse(""),
            k -> new Semaphore(config.concurrency()));
    String path = InputValidator.withoutV1(batch.endpoint());
    Map<Long, LineAnswer> answers = new ConcurrentHashMap<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (BatchLine line : claimed) {
        threads.submit(
            () -> {
              slots.acquireUninterruptibly();
              try {
                // A stopping instance leaves lines it has not started to their leases.
                if (!stopped) {
                  run(batch, path, token, line, answers);
                }
              } finally {
                slots.release();
              }
            });
      }
    }
    // One commit for the chunk: a line answered but not stored before a crash runs again.
    batches.answer(id, answers);
    return true;
  }

  private void run(
      Batch batch, String path, String token, BatchLine line, Map<Long, LineAnswer> answers) {
    try {
      switch (lines.run(batch.resource(), path, line)) {
        case LineCall.Result.Answered answered -> answers.put(line.number(), answered.answer());
        case LineCall.Result.Throttled throttled ->
            batches.retryLater(
                batch.id(),
                line.number(),
                token,
                clock.millis() + throttled.retryAfter().toMillis());
      }
    } catch (RuntimeException e) {
      // Left claimed: the line is tried again once its lease runs out.
      LOG.warn("batch {} line {} failed: {}", batch.id(), line.number(), e.toString());
    }
  }

  private boolean end(String id, BatchStatus from, BatchStatus to) throws IOException {
    if (!lease(id, from)) {
      return false;
    }
    if (from != BatchStatus.FINALIZING && batches.inFlight(id, clock.millis()) > 0) {
      // Lines being answered now are kept in the output; wait for them (or their leases).
      return false;
    }
    Optional<Batch> batch = batches.findById(id).filter(b -> b.status() == from);
    if (batch.isEmpty()) {
      return false;
    }
    return finalizer.finish(batch.get(), from, to, instance);
  }

  private boolean lease(String id, BatchStatus status) {
    long now = clock.millis();
    return batches.lease(id, status, instance, now, now + config.lease().toMillis());
  }

  /** Stops taking work; lines being run are answered first. */
  @Override
  public void close() {
    stopped = true;
    wakeUp.release();
    Thread running = thread;
    if (running != null) {
      try {
        running.join(config.lease().toMillis());
        if (running.isAlive()) {
          LOG.warn("the batch runner is still busy after {}; it is interrupted", config.lease());
          running.interrupt();
          running.join(config.lease().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
