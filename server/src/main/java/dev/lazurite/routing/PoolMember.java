package dev.lazurite.routing;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.Backend;

/**
 * One backend of a deployment's pool: where it runs, its priority (lower first) and weight (share
 * of traffic among equal priorities), its circuit breaker and its recent latency.
 */
public record PoolMember(
    String name,
    String region,
    int priority,
    int weight,
    Backend backend,
    CircuitBreaker breaker,
    LatencyTracker latency) {
  public PoolMember {
    requireNonNull(name, "name is null");
    requireNonNull(region, "region is null");
    requireNonNull(backend, "backend is null");
    requireNonNull(breaker, "breaker is null");
    requireNonNull(latency, "latency is null");
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be >= 1");
    }
  }
}
