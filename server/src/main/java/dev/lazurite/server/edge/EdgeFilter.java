package dev.lazurite.server.edge;

import dev.lazurite.backend.Ids;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;

/**
 * The first filter of every routing: gives the request an id and its body limits, and after the
 * answer closes an HTTP/1 connection that must not carry another request. Helidon 4.5 writes {@code
 * Connection: close} but keeps reading the connection, and drains an unread body before the next
 * request (a broken chunked body blocks that, the rest of an over-limit body parses as a second
 * request). Here the connection closes instead: when the client asked for it, when the answer says
 * so, when a body was refused, and when a body was left unread.
 */
final class EdgeFilter implements Filter {
  /** The most header bytes a request may carry (names, values and separators). */
  static final int HEADER_BYTES = 16 * 1024;

  /** The most header bytes read before the connection is refused outright. */
  static final int HEADER_READ_BYTES = 256 * 1024;

  private final long maxBodyBytes;
  private final Duration bodyTimeout;

  EdgeFilter(long maxBodyBytes, Duration bodyTimeout) {
    this.maxBodyBytes = maxBodyBytes;
    this.bodyTimeout = bodyTimeout;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    var state = new EdgeRequest(Ids.requestId(), maxBodyBytes, bodyTimeout);
    req.context().register(state);
    try {
      if (headerBytes(req) > HEADER_BYTES) {
        // The headers were read whole: the connection stays open (an unread body is drained).
        EdgeResponses.json(res, 431, TransportErrors.body(io.helidon.http.Status.create(431)));
      } else {
        chain.proceed();
      }
      if (req.prologue().protocolVersion().equals("1.1") && mustClose(req, res, state)) {
        if (res.hasEntity()) {
          res.commit();
        }
        RequestBody.linger(req);
        throw new CloseConnectionException("closing the connection after the answer");
      }
    } finally {
      GuardedConnection.current().ifPresent(c -> c.enter(GuardedConnection.Phase.WAITING));
    }
  }

  private static int headerBytes(RoutingRequest req) {
    int bytes = 0;
    for (var header : req.headers()) {
      bytes += header.name().length() + header.values().length() + 4;
    }
    return bytes;
  }

  /** HTTP/1 only: on HTTP/2 one stream ends and the connection carries on. */
  private static boolean mustClose(RoutingRequest req, RoutingResponse res, EdgeRequest state) {
    return state.closing()
        || req.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
        || res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
        || (req.content().hasEntity() && !req.content().consumed() && !RequestBody.drain(req));
  }
}
