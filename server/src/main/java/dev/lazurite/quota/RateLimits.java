package dev.lazurite.quota;

import dev.lazurite.deployment.Deployment;
import java.time.Duration;
import java.util.Optional;

/**
 * A deployment's limits as Azure derives them from its capacity: 1 unit = 1,000 tokens per minute,
 * and 6 requests per minute per 1,000 tokens per minute, evaluated per 10 seconds (so one request
 * per unit per 10 s) so that a minute's requests cannot arrive in one burst.
 */
public record RateLimits(long tokensPerMinute, long requestsPerWindow) {
  public static final Duration TOKEN_WINDOW = Duration.ofMinutes(1);
  public static final Duration REQUEST_WINDOW = Duration.ofSeconds(10);

  public RateLimits {
    if (tokensPerMinute < 1 || requestsPerWindow < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * The limits of a deployment; empty for provisioned deployments, which have none per minute, and
   * for batch deployments, whose capacity is an enqueued-token quota instead.
   */
  public static Optional<RateLimits> of(Deployment.Sku sku) {
    if (sku.name().contains("Provisioned") || sku.name().endsWith("Batch")) {
      return Optional.empty();
    }
    return Optional.of(new RateLimits(sku.capacity() * 1000L, sku.capacity()));
  }

  /** Requests per minute, as the ARM view and the headers report them. */
  public long requestsPerMinute() {
    return requestsPerWindow * 6;
  }
}
