package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How batch jobs run.
 *
 * @param pollInterval how often an idle instance looks for batch work
 * @param lease how long a claimed line or batch step is an instance's before another may take it
 * @param concurrency how many lines of one deployment's batches an instance runs at once, so that
 *     batch traffic leaves room for live requests
 * @param expiry when set, a batch still running this long after creation expires; empty (the
 *     default, as on Azure) lets it run until it is done or cancelled
 */
public record BatchConfig(
    Duration pollInterval, Duration lease, int concurrency, Optional<Duration> expiry) {
  public static final BatchConfig DEFAULT =
      new BatchConfig(Duration.ofSeconds(1), Duration.ofSeconds(60), 8, Optional.empty());

  public BatchConfig {
    requireNonNull(pollInterval, "pollInterval is null");
    requireNonNull(lease, "lease is null");
    requireNonNull(expiry, "expiry is null");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("batch poll interval must be > 0");
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("batch lease must be >= 1 s");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("batch concurrency must be >= 1, got " + concurrency);
    }
  }
}
