package dev.lazurite.server.edge;

import io.helidon.webserver.http.ServerRequest;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * What the edge knows about one request: its id, the body limits, whether the connection must close
 * after the answer, and the body's stream when a handler reads it as it arrives. Registered in the
 * request's context by {@link EdgeFilter}.
 */
final class EdgeRequest {
  private static final EdgeRequest UNFILTERED =
      new EdgeRequest(
          "", dev.lazurite.config.ServerConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofMinutes(2));

  private final String id;
  private final long maxBodyBytes;
  private final Duration bodyTimeout;
  private volatile boolean closing;
  private volatile InputStream streamed;

  EdgeRequest(String id, long maxBodyBytes, Duration bodyTimeout) {
    this.id = id;
    this.maxBodyBytes = maxBodyBytes;
    this.bodyTimeout = bodyTimeout;
  }

  /** The request's state; outside an edge routing (a bare handler in a unit test), defaults. */
  static EdgeRequest of(ServerRequest request) {
    return request.context().get(EdgeRequest.class).orElse(UNFILTERED);
  }

  String id() {
    return id;
  }

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  Duration bodyTimeout() {
    return bodyTimeout;
  }

  /** The body was left unread or unreadable: what follows it on the connection is not a request. */
  void close() {
    closing = true;
  }

  boolean closing() {
    return closing;
  }

  /** A handler reads the body as it arrives, from {@code body}. */
  void streaming(InputStream body) {
    streamed = body;
  }

  /** The body's stream, when a handler read it as it arrived: what a lingering close reads. */
  Optional<InputStream> streamed() {
    return Optional.ofNullable(streamed);
  }
}
