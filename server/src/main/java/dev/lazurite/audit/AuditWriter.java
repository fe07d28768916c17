package dev.lazurite.audit;

import dev.lazurite.schedule.BackgroundPriority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this instance's audit stream off the request path: callers hand an entry over and return;
 * one writer thread chains whatever has arrived, stores it in one transaction as one block of JSON
 * lines (up to {@value #BATCH} records), appends the same lines to the JSON-lines file, and signs a
 * checkpoint every {@code checkpointEvery} records, when it falls idle with records unsigned for a
 * few seconds, and on close. After a commit that did not fill a batch it lets the next records
 * gather for {@link #LINGER}, so a server at a few thousand requests a second commits a few hundred
 * records at a time (a commit's cost is partly per transaction, not per record); under more load
 * full batches follow each other without a pause. {@link #close()} writes everything accepted
 * before it returns.
 */
public final class AuditWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final int BATCH = 512;
  private static final Duration IDLE_CHECKPOINT = Duration.ofSeconds(5);

  /**
   * How long the writer lets records gather after a commit of less than a full batch. At 6,000
   * records a second, 50 ms rather than 20 ms took the writer's CPU per record to about 0.66×
   * ({@code AuditLingerRun}), the per-commit work shared by more records. Records reach the store
   * and the file up to that much later; nothing waits for them.
   */
  static final Duration LINGER = Duration.ofMillis(50);

  private final AuditStore store;
  private final Optional<AuditFile> file;
  private final CheckpointSigner signer;
  private final int checkpointEvery;
  private final Clock clock;
  private final List<Consumer<AuditRecord>> forwards;
  private final AuditChain chain;
  private final long lingerMs;

  /** Chains each batch from the head; the head moves once the batch is stored. */
  private final AuditChain trial;

  /** The record lines of the batch being written: the block the store keeps. */
  private final ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 16);

  /** The file lines of the batch being written: its record lines and checkpoint lines. */
  private final ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 16);

  private final LinkedBlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>();
  private final AtomicLong pending = new AtomicLong();
  private final Thread writer;
  private long signedSeq;
  private long signedAt;

  /** The newest checkpoint signed, null before the first. */
  private Checkpoint lastCheckpoint;

  private volatile boolean closing;

  public AuditWriter(
      AuditStore store,
      Optional<AuditFile> file,
      CheckpointSigner signer,
      String stream,
      int checkpointEvery,
      Clock clock)
      throws IOException {
    this(store, file, signer, stream, checkpointEvery, clock, List.of());
  }

  /**
   * @param forwards where each record goes once stored (the OTLP log export); called on the
   *     writer's thread, and what they throw is logged
   */
  public AuditWriter(
      AuditStore store,
      Optional<AuditFile> file,
      CheckpointSigner signer,
      String stream,
      int checkpointEvery,
      Clock clock,
      List<Consumer<AuditRecord>> forwards)
      throws IOException {
    this(store, file, signer, stream, checkpointEvery, clock, forwards, LINGER);
  }

  /** A writer that lets records gather for {@code linger} after a commit of less than a batch. */
  public AuditWriter(
      AuditStore store,
      Optional<AuditFile> file,
      CheckpointSigner signer,
      String stream,
      int checkpointEvery,
      Clock clock,
      List<Consumer<AuditRecord>> forwards,
      Duration linger)
      throws IOException {
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must be >= 0, got " + linger);
    }
    this.lingerMs = linger.toMillis();
    this.forwards = List.copyOf(forwards);
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
    }
    this.store = store;
    this.file = file;
    this.signer = signer;
    this.checkpointEvery = checkpointEvery;
    this.clock = clock;
    var last = store.last(stream);
    this.chain =
        new AuditChain(
            stream,
            last.map(AuditRecord::seq).orElse(0L),
            last.map(AuditRecord::hash).orElse(Canonical.GENESIS));
    this.trial = new AuditChain(stream, chain.seq(), chain.head());
    resume(stream);
    this.writer = Thread.ofPlatform().name("lazurite-audit-writer").daemon(true).start(this::run);
  }

  /**
   * Continues the stream after a restart: the head gets a checkpoint if it has none, and a new file
   * starts with it, so that the file is checkable from its first record.
   */
  private void resume(String stream) throws IOException {
    List<Checkpoint> checkpoints = store.checkpoints(stream);
    lastCheckpoint = checkpoints.isEmpty() ? null : checkpoints.getLast();
    signedSeq = checkpoints.isEmpty() ? 0 : checkpoints.getLast().seq();
    signedAt = clock.millis();
    if (chain.seq() == 0) {
      return;
    }
    Checkpoint head;
    if (signedSeq == chain.seq()) {
      head = checkpoints.getLast();
    } else {
      head = checkpoint();
      store.append(Optional.empty(), List.of(head));
      signedSeq = head.seq();
      lastCheckpoint = head;
    }
    if (file.isPresent() && file.get().isEmpty()) {
      file.get().writeCheckpoint(head);
      file.get().flush();
    }
  }

  public String stream() {
    return chain.stream();
  }

  /** Hands an entry to the writer; never blocks. */
  public void record(AuditEntry entry) {
    pending.incrementAndGet();
    queue.add(entry);
  }

  private void run() {
    // Nobody waits for this thread and its queue has no bound: it gives way to request threads.
    BackgroundPriority.lowerCurrentThread();
    List<AuditEntry> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          idle();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        commit(batch);
        if (!closing && batch.size() < BATCH) {
          // Nobody waits for a record's commit: the next commit takes what arrives meanwhile, so a
          // transaction, a file flush and a wake-up are not paid per request.
          Thread.sleep(lingerMs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | IOException e) {
        // The chain has not moved: the same entries are chained again on the next try.
        LOG.error("could not write {} audit records; retrying", batch.size(), e);
        queue.addAll(batch);
        sleepQuietly();
      } finally {
        batch.clear();
      }
    }
  }

  private synchronized void idle() {
    if (chain.seq() > signedSeq && clock.millis() - signedAt >= IDLE_CHECKPOINT.toMillis()) {
      try {
        writeCheckpoint();
      } catch (RuntimeException | IOException e) {
        LOG.error("could not write an audit checkpoint", e);
      }
    }
  }

  private synchronized void commit(List<AuditEntry> batch) throws IOException {
    List<AuditRecord> records = new ArrayList<>(batch.size());
    long minTimeMs = Long.MAX_VALUE;
    long maxTimeMs = Long.MIN_VALUE;
    List<Checkpoint> checkpoints = new ArrayList<>(1);
    block.reset();
    lines.reset();
    trial.reset(chain.seq(), chain.head());
    for (AuditEntry entry : batch) {
      AuditRecord record = trial.append(entry);
      records.add(record);
      long timeMs = entry.time().toEpochMilli();
      minTimeMs = Math.min(minTimeMs, timeMs);
      maxTimeMs = Math.max(maxTimeMs, timeMs);
      trial.copyLineTo(block);
      if (file.isPresent()) {
        trial.copyLineTo(lines);
      }
      if (record.seq() % checkpointEvery == 0) {
        Checkpoint c = signer.sign(record.stream(), record.seq(), record.hash(), now());
        checkpoints.add(c);
        if (file.isPresent()) {
          lines.writeBytes(AuditFile.checkpointLine(c).getBytes(StandardCharsets.UTF_8));
          lines.write('\n');
        }
      }
    }
    store.append(
        Optional.of(
            new AuditBlock(
                trial.stream(),
                records.getFirst().seq(),
                records.getLast().seq(),
                minTimeMs,
                maxTimeMs,
                block.toByteArray())),
        checkpoints);
    for (AuditRecord r : records) {
      chain.advance(r);
    }
    if (!checkpoints.isEmpty()) {
      signedSeq = checkpoints.getLast().seq();
      signedAt = clock.millis();
      lastCheckpoint = checkpoints.getLast();
    }
    forward(records);
    pending.addAndGet(-batch.size());
    if (file.isPresent()) {
      try {
        file.get().writeLines(lines);
        file.get().flush();
      } catch (IOException e) {
        LOG.error("could not append {} audit records to {}", records.size(), file.get().path(), e);
      }
      if (file.get().rotationDue()) {
        try {
          rotate(file.get());
        } catch (IOException | RuntimeException e) {
          // The records are stored: the next commit tries the rotation again.
          LOG.error("could not rotate {}", file.get().path(), e);
        }
      }
    }
  }

  /**
   * Ends the full file with a checkpoint of the head (signing one if the head has none), moves it
   * aside, and starts the next file with the same checkpoint: each segment is checkable alone, and
   * the remaining ones still are once the oldest are deleted.
   */
  private void rotate(AuditFile f) throws IOException {
    Checkpoint head;
    if (signedSeq == chain.seq() && lastCheckpoint != null) {
      head = lastCheckpoint;
    } else {
      writeCheckpoint();
      head = lastCheckpoint;
    }
    f.rotate();
    f.writeCheckpoint(head);
    f.flush();
  }

  private void forward(List<AuditRecord> records) {
    for (AuditRecord r : records) {
      for (Consumer<AuditRecord> f : forwards) {
        try {
          f.accept(r);
        } catch (RuntimeException e) {
          LOG.warn("an audit record could not be forwarded: {}", e.toString());
        }
      }
    }
  }

  private Checkpoint checkpoint() {
    return signer.sign(chain.stream(), chain.seq(), chain.head(), now());
  }

  private void writeCheckpoint() throws IOException {
    Checkpoint c = checkpoint();
    store.append(Optional.empty(), List.of(c));
    signedSeq = c.seq();
    signedAt = clock.millis();
    lastCheckpoint = c;
    if (file.isPresent()) {
      file.get().writeCheckpoint(c);
      file.get().flush();
    }
  }

  private String now() {
    return clock.instant().toString();
  }

  /** Waits until everything handed over so far has been written. */
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
    try {
      synchronized (this) {
        if (!queue.isEmpty()) {
          List<AuditEntry> rest = new ArrayList<>();
          queue.drainTo(rest);
          commit(rest);
        }
        if (chain.seq() > signedSeq) {
          writeCheckpoint();
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("could not write the last audit records", e);
    }
    file.ifPresent(
        f -> {
          try {
            f.close();
          } catch (IOException e) {
            LOG.error("could not close {}", f.path(), e);
          }
        });
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
