package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundHttp;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A classifier service's HTTP side: the endpoint an administrator configured, checked against the
 * outbound allowlist, called with a deadline. Any failure (refused, unreachable, slow, not 200, not
 * JSON) is an {@link IllegalStateException} without the key, which the content filter turns into
 * fail-open or fail-closed.
 */
final class ClassifierService {
  private static final int MAX_ANSWER = 1 << 20;

  private final OutboundHttp outbound;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration timeout;

  ClassifierService(
      OutboundHttp outbound, URI endpoint, Map<String, String> headers, Duration timeout) {
    this.outbound = outbound;
    this.endpoint = endpoint;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
  }

  URI endpoint() {
    return endpoint;
  }

  /**
   * POSTs JSON to {@code path} under the endpoint and reads the JSON answer, within the deadline.
   * The deadline is kept here as well as by the socket: a connection kept alive from an earlier
   * call does not always carry the read timeout, and a late answer must not hold the request.
   */
  JsonNode post(String path, Object body) {
    FutureTask<JsonNode> call = new FutureTask<>(() -> send(path, body));
    Thread.ofVirtual().name("classifier-call").start(call);
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IllegalStateException(
          "the classifier at " + endpoint.getHost() + " did not answer within " + timeout);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(
              "the classifier at "
                  + endpoint.getHost()
                  + " failed: "
                  + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the classifier");
    }
  }

  private JsonNode send(String path, Object body) {
    String base = endpoint.toString().replaceAll("/+$", "");
    URI destination = URI.create(base + path);
    outbound.policy().checkAdministered(destination);
    var request =
        outbound
            .client()
            .post()
            .uri(destination)
            .readTimeout(timeout)
            .header(HeaderNames.CONTENT_TYPE, "application/json");
    headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
    try (HttpClientResponse response = request.submit(Json.write(body))) {
      if (response.status().code() != 200) {
        throw new IllegalStateException(
            "the classifier at " + endpoint.getHost() + " answered " + response.status().code());
      }
      return Json.MAPPER.readTree(response.inputStream().readNBytes(MAX_ANSWER));
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException(
          "the classifier at "
              + endpoint.getHost()
              + " could not be read: "
              + e.getClass().getSimpleName());
    }
  }
}
