package dev.lazurite.cost;

import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to action groups' webhook receivers, through the outbound allowlist (a receiver URL
 * is set by an administrator). One attempt per receiver; a failure is logged, not retried, since
 * the alert is recorded as sent before it is posted (at most once).
 */
final class Webhooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  private final OutboundPolicy policy;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Webhooks(OutboundPolicy policy) {
    this.policy = policy;
  }

  /** Posts {@code payload}; returns the status, or -1 when it could not be delivered. */
  int post(URI uri, Object payload) {
    try {
      policy.checkAdministered(uri);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(payload)))
              .build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 300) {
        LOG.warn("budget alert webhook {} answered {}", uri.getHost(), status);
      }
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      LOG.warn("budget alert webhook {} not delivered: {}", uri.getHost(), e.toString());
      return -1;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
