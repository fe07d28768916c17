package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How requests move between the backends of a pool.
 *
 * @param latencyFailover a first token slower than this tries the next backend; zero for never
 * @param probeInterval how often an open breaker's backend is probed
 * @param deadline how long one request may spend on failovers in all
 */
public record FailoverConfig(Duration latencyFailover, Duration probeInterval, Duration deadline) {
  public static final FailoverConfig DEFAULT =
      new FailoverConfig(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(60));

  public FailoverConfig {
    requireNonNull(latencyFailover, "latencyFailover is null");
    requireNonNull(probeInterval, "probeInterval is null");
    requireNonNull(deadline, "deadline is null");
    if (latencyFailover.isNegative() || deadline.isNegative()) {
      throw new IllegalArgumentException("failover durations must be >= 0");
    }
    if (probeInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the probe interval must be at least 1 s");
    }
  }
}
