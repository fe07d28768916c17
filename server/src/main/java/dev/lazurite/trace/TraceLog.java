package dev.lazurite.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * This instance's {@code Trace} records, in memory: at most {@code capacity} of them, none older
 * than {@code retention}. The oldest go first when either bound is reached; nothing is written to
 * the store, so a restart starts empty.
 */
public final class TraceLog {
  public static final int DEFAULT_CAPACITY = 10_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

  private final int capacity;
  private final Duration retention;
  private final Clock clock;
  private final Deque<TraceRecord> records = new ArrayDeque<>();

  public TraceLog(int capacity, Duration retention, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("trace capacity must be >= 1, got " + capacity);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("trace retention must be positive, got " + retention);
    }
    this.capacity = capacity;
    this.retention = retention;
    this.clock = clock;
  }

  /** A log of {@value #DEFAULT_CAPACITY} records kept for an hour. */
  public static TraceLog bounded(Clock clock) {
    return new TraceLog(DEFAULT_CAPACITY, DEFAULT_RETENTION, clock);
  }

  public synchronized void add(TraceRecord record) {
    records.addLast(record);
    while (records.size() > capacity) {
      records.removeFirst();
    }
    expire();
  }

  /**
   * Records oldest first, each filter optional.
   *
   * @param status the result signature ({@code 200}, {@code 429})
   */
  public synchronized List<TraceRecord> query(
      Optional<Instant> since,
      Optional<String> principal,
      Optional<String> deployment,
      Optional<String> status,
      int limit) {
    expire();
    List<TraceRecord> out = new ArrayList<>();
    for (TraceRecord r : records) {
      if (out.size() >= limit) {
        break;
      }
      if (since.isPresent() && r.time().isBefore(since.get())) {
        continue;
      }
      if (principal.isPresent() && !principal.get().equals(r.principal())) {
        continue;
      }
      if (deployment.isPresent() && !deployment.get().equals(r.deployment())) {
        continue;
      }
      if (status.isPresent() && !status.get().equals(r.resultSignature())) {
        continue;
      }
      out.add(r);
    }
    return out;
  }

  public synchronized int size() {
    expire();
    return records.size();
  }

  private void expire() {
    Instant oldest = clock.instant().minus(retention);
    while (!records.isEmpty() && records.peekFirst().time().isBefore(oldest)) {
      records.removeFirst();
    }
  }
}
