package dev.lazurite.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend's recent time to first byte (an exponentially weighted mean) for latency failover: a
 * backend slower than the threshold goes after the others of its priority and the next ones. One
 * request in {@value #REMEASURE_EVERY} still goes to it, so that it is re-measured and comes back
 * once it is fast again.
 */
public final class LatencyTracker {
  static final int REMEASURE_EVERY = 20;
  private static final double WEIGHT = 0.2;

  private final Duration threshold;
  private final AtomicLong checks = new AtomicLong();
  private volatile double meanNanos;

  /**
   * @param threshold {@link Duration#ZERO} turns latency failover off
   */
  public LatencyTracker(Duration threshold) {
    this.threshold = threshold;
  }

  public void record(Duration timeToFirstByte) {
    double sample = timeToFirstByte.toNanos();
    synchronized (this) {
      meanNanos = meanNanos == 0 ? sample : meanNanos + WEIGHT * (sample - meanNanos);
    }
  }

  /** Whether to deprioritise this backend for the request being routed now. */
  public boolean slow() {
    if (threshold.isZero() || meanNanos <= threshold.toNanos()) {
      return false;
    }
    return checks.incrementAndGet() % REMEASURE_EVERY != 0;
  }

  public Duration mean() {
    return Duration.ofNanos((long) meanNanos);
  }
}
