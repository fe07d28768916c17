package dev.lazurite.server.edge;

import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;

/**
 * What the edge knows about one request: its id, the body limits, and whether the connection must
 * close after the answer. Registered in the request's context by {@link EdgeFilter}.
 */
final class EdgeRequest {
  private static final EdgeRequest UNFILTERED =
      new EdgeRequest(
          "", dev.lazurite.config.ServerConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofMinutes(2));

  private final String id;
  private final long maxBodyBytes;
  private final Duration bodyTimeout;
  private volatile boolean closing;

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
}
