package dev.lazurite.observability;

import dev.lazurite.server.edge.EdgeResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter, for the admin credential
 * only ({@code Authorization: Bearer {admin token}}), since metrics name accounts and deployments.
 */
public final class MetricsEndpoint implements Handler {
  private final PrometheusMeterRegistry registry;
  private final GatewayGauges gauges;
  private final byte[] adminToken;

  public MetricsEndpoint(
      PrometheusMeterRegistry registry, GatewayGauges gauges, String adminToken) {
    this.registry = registry;
    this.gauges = gauges;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String authorization = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
    String token =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : "";
    if (!MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
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
