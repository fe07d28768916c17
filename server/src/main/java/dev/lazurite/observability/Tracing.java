package dev.lazurite.observability;

import dev.lazurite.config.ObservabilityConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.TimeUnit;

/**
 * The tracer provider spans go through: OTLP over HTTP to the configured collector, in batches.
 * Closing it exports what is still queued.
 */
public final class Tracing implements AutoCloseable {
  private final SdkTracerProvider provider;

  public Tracing(String serviceName, SpanProcessor processor) {
    this.provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
            .addSpanProcessor(processor)
            .build();
  }

  /** Spans exported in batches to {@code {otlpEndpoint}/v1/traces}. */
  public static Tracing otlp(ObservabilityConfig config) {
    String base = config.otlpEndpoint().orElseThrow().toString();
    SpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint((base.endsWith("/") ? base : base + "/") + "v1/traces")
            .build();
    return new Tracing(config.serviceName(), BatchSpanProcessor.builder(exporter).build());
  }

  public Tracer tracer() {
    return provider.get("dev.lazurite");
  }

  /** Exports every ended span now. */
  public void flush() {
    provider.forceFlush().join(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
