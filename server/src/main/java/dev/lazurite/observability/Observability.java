package dev.lazurite.observability;

import dev.lazurite.batch.BatchRepository;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.runtime.RuntimeSnapshot;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Metrics and traces of one server: the Prometheus registry and the listeners that fill it, the
 * tracer when an OTLP endpoint is configured, and the routes {@code /metrics} and {@code /readyz}.
 * With metrics off and no tracing, it adds no listener at all.
 */
public final class Observability implements AutoCloseable {
  private final Optional<PrometheusMeterRegistry> registry;
  private final Optional<GatewayGauges> gauges;
  private final Optional<Tracing> tracing;
  private final List<PipelineListener> listeners = new ArrayList<>();

  public Observability(
      ObservabilityConfig config,
      Supplier<RuntimeSnapshot> snapshots,
      BatchRepository batches,
      Optional<Tracing> tracing) {
    this.tracing = tracing;
    if (config.metrics()) {
      var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      this.registry = Optional.of(prometheus);
      this.gauges = Optional.of(new GatewayGauges(prometheus, snapshots, batches));
      listeners.add(new GenAiMetrics(prometheus));
      listeners.add(new GatewayMetrics(prometheus));
    } else {
      this.registry = Optional.empty();
      this.gauges = Optional.empty();
    }
    tracing.ifPresent(t -> listeners.add(new TracingListener(t.tracer())));
  }

  /** Tracing to the configured OTLP endpoint, when one is. */
  public static Observability of(
      ObservabilityConfig config, Supplier<RuntimeSnapshot> snapshots, BatchRepository batches) {
    return new Observability(
        config,
        snapshots,
        batches,
        config.tracing() ? Optional.of(Tracing.otlp(config)) : Optional.empty());
  }

  /** The pipeline listeners metrics and traces need; empty when both are off. */
  public List<PipelineListener> listeners() {
    return List.copyOf(listeners);
  }

  public Optional<PrometheusMeterRegistry> registry() {
    return registry;
  }

  public Optional<Tracing> tracing() {
    return tracing;
  }

  /** {@code /metrics} (when metrics are on) and {@code /readyz}. */
  public void routing(HttpRouting.Builder routing, String adminToken, Readiness readiness) {
    registry.ifPresent(
        r -> routing.get("/metrics", new MetricsEndpoint(r, gauges.orElseThrow(), adminToken)));
    routing.get("/readyz", readiness);
  }

  @Override
  public void close() {
    tracing.ifPresent(Tracing::close);
    registry.ifPresent(PrometheusMeterRegistry::close);
  }
}
