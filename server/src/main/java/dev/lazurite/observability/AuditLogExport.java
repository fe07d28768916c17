package dev.lazurite.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.capture.Capture;
import dev.lazurite.capture.DiagnosticRecord;
import dev.lazurite.json.Json;
import dev.lazurite.trace.TraceRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Exports audit records, captures and trace records as OpenTelemetry log records over OTLP/HTTP, in
 * batches. Each record's attributes carry Azure's diagnostic-log field names ({@code time,
 * resourceId, category, operationName, resultSignature, durationMs, callerIpAddress,
 * correlationId}, with {@code properties} as JSON text); its body is the record as one JSON line.
 * Closing it exports what is still queued.
 */
public final class AuditLogExport implements AutoCloseable {
  private final SdkLoggerProvider provider;
  private final Logger logger;

  public AuditLogExport(String serviceName, LogRecordProcessor processor) {
    this.provider =
        SdkLoggerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
            .addLogRecordProcessor(processor)
            .build();
    this.logger = provider.get("dev.lazurite.audit");
  }

  /** Log records exported in batches to {@code {endpoint}/v1/logs}. */
  public static AuditLogExport otlp(URI endpoint, String serviceName) {
    String base = endpoint.toString();
    var exporter =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint((base.endsWith("/") ? base : base + "/") + "v1/logs")
            .build();
    return new AuditLogExport(serviceName, BatchLogRecordProcessor.builder(exporter).build());
  }

  /** Exports one audit record. */
  public void audit(AuditRecord r) {
    AttributesBuilder a = Attributes.builder();
    a.put("time", r.time());
    a.put("resourceId", r.resourceId());
    a.put("category", r.category());
    a.put("operationName", r.operationName());
    a.put("resultSignature", r.resultSignature());
    a.put("durationMs", r.durationMs());
    a.put("callerIpAddress", r.callerIpAddress());
    a.put("correlationId", r.correlationId());
    a.put("identity", r.identity());
    a.put("properties", r.properties());
    a.put("lazurite.audit.stream", r.stream());
    a.put("lazurite.audit.seq", r.seq());
    emit(Instant.parse(r.time()), r.category() + " " + r.operationName(), a.build());
  }

  /** Exports one capture, as its {@code RequestResponse} record. */
  public void capture(Capture c) {
    var record = DiagnosticRecord.of(c);
    AttributesBuilder a = Attributes.builder();
    a.put("time", c.time());
    a.put("resourceId", c.resourceId());
    a.put("category", Capture.CATEGORY);
    a.put("operationName", c.operationName());
    a.put("resultSignature", c.resultSignature());
    a.put("durationMs", c.durationMs());
    a.put("correlationId", c.correlationId());
    a.put("properties", Json.writeString(record.get("properties")));
    emit(Instant.parse(c.time()), Json.writeString(record), a.build());
  }

  /** Exports trace records, each as its {@code Trace} diagnostic record. */
  public void traces(List<TraceRecord> records) {
    for (TraceRecord t : records) {
      ObjectNode record = t.json();
      AttributesBuilder a = Attributes.builder();
      a.put("time", record.path("time").asText());
      a.put("resourceId", t.resourceId());
      a.put("category", TraceRecord.CATEGORY);
      a.put("operationName", t.operationName());
      a.put("resultSignature", t.resultSignature());
      a.put("durationMs", t.durationMs());
      a.put("correlationId", t.correlationId());
      a.put("properties", Json.writeString(record.get("properties")));
      emit(t.time(), Json.writeString(record), a.build());
    }
  }

  private void emit(Instant time, String body, Attributes attributes) {
    logger
        .logRecordBuilder()
        .setTimestamp(time)
        .setSeverity(Severity.INFO)
        .setBody(body)
        .setAllAttributes(attributes)
        .emit();
  }

  /** Exports every record emitted so far, now. */
  public void flush() {
    provider.forceFlush().join(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
