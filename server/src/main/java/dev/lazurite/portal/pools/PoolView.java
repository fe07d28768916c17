package dev.lazurite.portal.pools;

import dev.lazurite.routing.CircuitBreaker;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.DeploymentRuntime;
import java.util.List;

/**
 * A deployment's pool as it serves now: each backend's rank, its circuit breaker and its recent
 * latency. A deployment without a pool is served by its one backend.
 */
public record PoolView(String deployment, String model, List<MemberView> members) {
  public PoolView {
    members = List.copyOf(members);
  }

  /**
   * One backend of the pool.
   *
   * @param breaker {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
   * @param health what the breaker's state means for traffic
   * @param latencyMs the mean time to first byte of its recent answers, -1 before any
   */
  public record MemberView(
      String name,
      String region,
      int priority,
      int weight,
      String breaker,
      String health,
      long latencyMs) {}

  static PoolView of(DeploymentRuntime d) {
    return new PoolView(
        d.deployment().name(),
        d.deployment().model().name(),
        d.pool().stream().map(PoolView::member).toList());
  }

  private static MemberView member(PoolMember m) {
    CircuitBreaker.State state = m.breaker().state();
    String health =
        switch (state) {
          case CLOSED -> "healthy";
          case HALF_OPEN -> "on trial";
          case OPEN -> "unavailable";
        };
    var mean = m.latency().mean();
    return new MemberView(
        m.name(),
        m.region(),
        m.priority(),
        m.weight(),
        state.name(),
        health,
        mean.isZero() ? -1 : mean.toMillis());
  }
}
