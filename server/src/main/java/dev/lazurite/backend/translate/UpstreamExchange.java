package dev.lazurite.backend.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.backend.openai.UpstreamHttp;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * How a translated backend talks to its provider: each destination passes the outbound policy, the
 * provider's headers go with every call, whatever comes back passes the redactor, and error answers
 * and failures become Azure errors through the provider's {@link ProviderErrors}. Blocking, on the
 * request's virtual thread, through the shared pooled client.
 */
public final class UpstreamExchange {
  /** Copies one upstream stream to the client, translating as it goes. */
  @FunctionalInterface
  public interface Translator {
    void copy(InputStream upstream, EventSink sink) throws IOException;
  }

  private final UpstreamHttp client;
  private final OutboundPolicy outbound;
  private final Map<String, String> headers;
  private final SecretRedactor redactor;
  private final ProviderErrors errors;

  public UpstreamExchange(
      UpstreamHttp client,
      OutboundPolicy outbound,
      Map<String, String> headers,
      SecretRedactor redactor,
      ProviderErrors errors) {
    this.client = client;
    this.outbound = outbound;
    this.headers = headers;
    this.redactor = redactor;
    this.errors = errors;
  }

  /** Up when {@code destination} answers below 500 and not 429 (a refused key still means up). */
  public boolean probe(URI destination) {
    try {
      outbound.checkAdministered(destination);
      try (UpstreamHttp.Response response = client.get(destination, headers)) {
        int status = response.status();
        return status < 500 && status != 429;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Posts {@code body} and answers the upstream's JSON answer; an error answer throws. */
  public JsonNode post(URI destination, byte[] body) {
    int status;
    byte[] bytes;
    String retryAfter;
    outbound.checkAdministered(destination);
    try (UpstreamHttp.Response response = client.post(destination, headers, body)) {
      status = response.status();
      retryAfter = response.header("Retry-After");
      bytes = redactor.redact(response.bytes());
    } catch (IOException e) {
      throw errors.failure(e);
    }
    if (status >= 400) {
      throw errors.map(status, bytes, retryAfter);
    }
    try {
      return Json.parse(bytes);
    } catch (IOException e) {
      throw errors.malformed();
    }
  }

  /**
   * Posts {@code body} and answers the upstream's stream, translated as the client reads it; an
   * error answer throws before anything is sent. A copy that stops early (the client went away)
   * drops the upstream connection, which is how the upstream's work is cancelled.
   */
  public EventStream stream(URI destination, byte[] body, Translator translator) {
    outbound.checkAdministered(destination);
    UpstreamHttp.Response response;
    try {
      response = client.post(destination, headers, body);
    } catch (IOException e) {
      throw errors.failure(e);
    }
    int status = response.status();
    if (status >= 400) {
      try (response;
          InputStream in = response.body()) {
        throw errors.map(
            status, redactor.redact(in.readNBytes(1 << 20)), response.header("Retry-After"));
      } catch (IOException e) {
        throw errors.failure(e);
      }
    }
    return sink -> {
      try (response;
          InputStream in = response.body()) {
        boolean complete = false;
        try {
          translator.copy(in, sink);
          complete = true;
        } finally {
          if (!complete) {
            response.abort();
          }
        }
      } catch (IOException e) {
        throw errors.broken(e);
      }
    };
  }
}
