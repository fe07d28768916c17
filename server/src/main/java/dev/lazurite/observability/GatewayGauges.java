package dev.lazurite.observability;

import dev.lazurite.batch.BatchRepository;
import dev.lazurite.batch.BatchStatus;
import dev.lazurite.routing.CircuitBreaker;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gauges read when metrics are scraped: each pooled backend's circuit breaker ({@code
 * lazurite.backend.breaker.state}, 1 for the state it is in) and whether it takes traffic ({@code
 * lazurite.backend.up}), and how many batches are in each status ({@code lazurite.batches}).
 */
public final class GatewayGauges {
  /** Batches counted per status, at most; a store with more reports this many. */
  static final int BATCH_COUNT_LIMIT = 100_000;

  private final Supplier<RuntimeSnapshot> snapshots;
  private final BatchRepository batches;
  private final MultiGauge breakerState;
  private final MultiGauge backendUp;
  private final MultiGauge batchCount;

  public GatewayGauges(
      MeterRegistry registry, Supplier<RuntimeSnapshot> snapshots, BatchRepository batches) {
    this.snapshots = snapshots;
    this.batches = batches;
    this.breakerState =
        MultiGauge.builder("lazurite.backend.breaker.state")
            .description("1 for the state each pooled backend's circuit breaker is in")
            .register(registry);
    this.backendUp =
        MultiGauge.builder("lazurite.backend.up")
            .description("1 when a pooled backend takes traffic (its breaker is not open)")
            .register(registry);
    this.batchCount =
        MultiGauge.builder("lazurite.batches")
            .description("Batches in each status, over every resource")
            .register(registry);
  }

  /** Reads the current state; called before each scrape. */
  public void refresh() {
    List<MultiGauge.Row<?>> states = new ArrayList<>();
    List<MultiGauge.Row<?>> up = new ArrayList<>();
    for (AccountRuntime account : snapshots.get().accounts().values()) {
      for (DeploymentRuntime deployment : account.deployments().values()) {
        for (PoolMember member : deployment.pool()) {
          Tags tags =
              Tags.of(
                  "account", account.account().name(),
                  "deployment", deployment.deployment().name(),
                  "backend", member.name());
          CircuitBreaker.State current = member.breaker().state();
          for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            states.add(
                MultiGauge.Row.of(tags.and("state", state.name()), state == current ? 1 : 0));
          }
          up.add(MultiGauge.Row.of(tags, current == CircuitBreaker.State.OPEN ? 0 : 1));
        }
      }
    }
    breakerState.register(states, true);
    backendUp.register(up, true);
    List<MultiGauge.Row<?>> counts = new ArrayList<>();
    for (BatchStatus status : BatchStatus.values()) {
      counts.add(
          MultiGauge.Row.of(
              Tags.of("status", status.wire()), batches.idsIn(status, BATCH_COUNT_LIMIT).size()));
    }
    batchCount.register(counts, true);
  }
}
