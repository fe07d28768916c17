package dev.lazurite.observability;

import dev.lazurite.server.edge.AdminGuard;
import dev.lazurite.server.edge.EdgeResponses;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter, for the admin credential
 * only ({@code Authorization: Bearer {admin token}}), since metrics name accounts and deployments.
 */
public final class MetricsEndpoint implements Handler {
  private final PrometheusMeterRegistry registry;
  private final GatewayGauges gauges;
  private final AdminGuard guard;

  public MetricsEndpoint(PrometheusMeterRegistry registry, GatewayGauges gauges, AdminGuard guard) {
    this.registry = registry;
    this.gauges = gauges;
    this.guard = guard;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    if (!guard.admits(req)) {
      res.header("WWW-Authenticate", "Bearer");
      EdgeResponses.error(
          res, 401, "Unauthorized", "Metrics need the admin credential as a bearer token.");
      return;
    }
    gauges.refresh();
    res.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    res.send(registry.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
