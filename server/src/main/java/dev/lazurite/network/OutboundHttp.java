package dev.lazurite.network;

import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * The one HTTP client every outbound connection uses (model backends, trusted issuers' key sets),
 * with the allowlist in front of it. Made on first use.
 */
public final class OutboundHttp implements AutoCloseable {
  private final OutboundPolicy policy;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private WebClient client;

  public OutboundHttp(OutboundPolicy policy, Duration connectTimeout, Duration readTimeout) {
    this.policy = policy;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  public OutboundPolicy policy() {
    return policy;
  }

  /** The client, for callers that stream; they check {@link #policy()} before each request. */
  public synchronized WebClient client() {
    if (client == null) {
      client =
          WebClient.builder()
              .connectTimeout(connectTimeout)
              .readTimeout(readTimeout)
              .followRedirects(false)
              .build();
    }
    return client;
  }

  /** GETs a destination an administrator configured, such as a JWKS URL. */
  public byte[] getAdministered(URI destination, int maxBytes) throws IOException {
    policy.checkAdministered(destination);
    try (HttpClientResponse response = client().get(destination.toString()).request()) {
      if (response.status().code() != 200) {
        throw new IOException("GET " + destination + " answered " + response.status().code());
      }
      return response.inputStream().readNBytes(maxBytes);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.closeResource();
    }
  }
}
