package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * Metrics and traces.
 *
 * @param metrics whether {@code /metrics} serves Prometheus metrics (with the admin credential)
 * @param otlpEndpoint where spans are exported over OTLP/HTTP ({@code http://collector:4318});
 *     empty (the default) records no traces
 * @param serviceName the {@code service.name} of exported spans
 */
public record ObservabilityConfig(boolean metrics, Optional<URI> otlpEndpoint, String serviceName) {
  public static final ObservabilityConfig DEFAULT =
      new ObservabilityConfig(true, Optional.empty(), "lazurite");

  public ObservabilityConfig {
    requireNonNull(otlpEndpoint, "otlpEndpoint is null");
    requireNonNull(serviceName, "serviceName is null");
    otlpEndpoint.ifPresent(
        uri -> {
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                "the OTLP endpoint must be an http or https URL, got '" + uri + "'");
          }
        });
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("the service name must not be blank");
    }
  }

  public boolean tracing() {
    return otlpEndpoint.isPresent();
  }
}
