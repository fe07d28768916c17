package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import dev.lazurite.json.FileRotation;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The audit log.
 *
 * @param fileSink whether records are also appended to JSON-lines files in {@code <dataDir>/audit}
 * @param retentionDays how long the store keeps records; 0 keeps them forever
 * @param checkpointEvery how many records apart signed checkpoints are (one is also signed when the
 *     log falls idle, and on shutdown)
 * @param otlpEndpoint where audit records and captures are also exported as OpenTelemetry log
 *     records over OTLP/HTTP ({@code http://collector:4318}, to which {@code /v1/logs} is added);
 *     empty for off
 * @param traceLog whether the {@code Trace} diagnostic category is kept (one record per data-plane
 *     request, in the shared store); off by default, as Azure keeps it only when a diagnostic
 *     setting asks for it
 * @param traceRetention how long {@code Trace} records are kept
 * @param fileRotation when the audit and trace JSON-lines files are rotated, and how many rotated
 *     segments of each are kept
 */
public record AuditConfig(
    boolean fileSink,
    int retentionDays,
    int checkpointEvery,
    Optional<URI> otlpEndpoint,
    boolean traceLog,
    Duration traceRetention,
    FileRotation fileRotation) {
  public static final Duration DEFAULT_TRACE_RETENTION = Duration.ofHours(1);
  public static final AuditConfig DEFAULT = new AuditConfig(true, 0, 1000);

  /** An audit log whose files rotate at the default size. */
  public AuditConfig(
      boolean fileSink,
      int retentionDays,
      int checkpointEvery,
      Optional<URI> otlpEndpoint,
      boolean traceLog,
      Duration traceRetention) {
    this(
        fileSink,
        retentionDays,
        checkpointEvery,
        otlpEndpoint,
        traceLog,
        traceRetention,
        FileRotation.DEFAULT);
  }

  /** An audit log that exports nothing over OTLP. */
  public AuditConfig(boolean fileSink, int retentionDays, int checkpointEvery) {
    this(fileSink, retentionDays, checkpointEvery, Optional.empty());
  }

  /** An audit log without the {@code Trace} category. */
  public AuditConfig(
      boolean fileSink, int retentionDays, int checkpointEvery, Optional<URI> otlpEndpoint) {
    this(fileSink, retentionDays, checkpointEvery, otlpEndpoint, false, DEFAULT_TRACE_RETENTION);
  }

  /** This audit log with the {@code Trace} category on, kept for {@code retention}. */
  public AuditConfig withTrace(Duration retention) {
    return new AuditConfig(
        fileSink, retentionDays, checkpointEvery, otlpEndpoint, true, retention, fileRotation);
  }

  public AuditConfig {
    requireNonNull(otlpEndpoint, "otlpEndpoint is null");
    requireNonNull(traceRetention, "traceRetention is null");
    requireNonNull(fileRotation, "fileRotation is null");
    if (traceRetention.isNegative() || traceRetention.isZero()) {
      throw new IllegalArgumentException("trace retention must be positive, got " + traceRetention);
    }
    otlpEndpoint.ifPresent(
        uri -> {
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                "the audit OTLP endpoint must be an http or https URL, got '" + uri + "'");
          }
        });
    if (retentionDays < 0) {
      throw new IllegalArgumentException("audit retention days must be >= 0, got " + retentionDays);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException(
          "audit checkpoint interval must be >= 1 record, got " + checkpointEvery);
    }
  }
}
