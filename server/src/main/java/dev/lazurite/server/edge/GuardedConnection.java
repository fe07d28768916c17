package dev.lazurite.server.edge;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Connection;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One client connection as the {@link ConnectionGuard} sees it: admitted or shed, then handed to
 * Helidon's HTTP/1.1 or HTTP/2 connection, with the phase it is in so that the guard can close it
 * when a phase outlasts its deadline. Runs on the connection's own (virtual) thread; the guard's
 * sweeper only reads the phase and closes the socket.
 */
final class GuardedConnection implements ServerConnection {
  enum Phase {
    /** Waiting for a request line: before the first request and between requests. */
    WAITING,
    /** The request line arrived; the header section has not. */
    HEADERS,
    /** A handler runs; nothing is read from the client. */
    HANDLING,
    /** A handler reads the request body. */
    BODY,
    /** HTTP/2: Helidon's connection keeps its own state; only idleness is enforced. */
    MULTIPLEXED
  }

  private static final ThreadLocal<GuardedConnection> CURRENT = new ThreadLocal<>();
  private static final int MAX_REQUEST_LINE = 4096;

  /**
   * A body still arriving when its time is up is answered 408 by the reader; one that stalled gets
   * this much longer before the socket is closed under the reader.
   */
  private static final Duration STALL_MARGIN = Duration.ofSeconds(1);

  private final ConnectionContext ctx;
  private final ConnectionGuard guard;
  private final ServerConnectionSelector http1;
  private final ServerConnectionSelector http2;
  private volatile Phase phase = Phase.WAITING;
  private volatile long since = System.nanoTime();
  private volatile ServerConnection inner;
  private volatile boolean expired;

  GuardedConnection(
      ConnectionContext ctx,
      ConnectionGuard guard,
      ServerConnectionSelector http1,
      ServerConnectionSelector http2) {
    this.ctx = ctx;
    this.guard = guard;
    this.http1 = http1;
    this.http2 = http2;
  }

  /** The HTTP/1 connection whose thread this is, if any (HTTP/2 streams run on other threads). */
  static Optional<GuardedConnection> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  @Override
  public void handle(Limit limit) throws InterruptedException {
    if (!guard.admit(this)) {
      shed();
      return;
    }
    CURRENT.set(this);
    try {
      ServerConnection selected = select();
      if (selected == null || expired) {
        return;
      }
      inner = selected;
      if (!(selected instanceof Http1Connection)) {
        enter(Phase.MULTIPLEXED);
      }
      selected.handle(limit);
    } finally {
      CURRENT.remove();
      guard.release(this);
    }
  }

  /** Picks HTTP/2 (ALPN or prior knowledge), HTTP/1.0 (served as one HTTP/1.1 exchange), or 1.1. */
  private ServerConnection select() {
    DataReader reader = ctx.dataReader();
    try {
      reader.ensureAvailable();
    } catch (DataReader.InsufficientDataAvailableException e) {
      return null;
    }
    var socket = ctx.serverSocket();
    if (socket.protocolNegotiated() && socket.protocol().equals("h2")) {
      return http2.connection(ctx);
    }
    BufferData data = reader.getBuffer(reader.available());
    while (data.indexOf((byte) '\n') < 0 && data.available() < MAX_REQUEST_LINE) {
      data = reader.getBuffer(reader.available() + 1);
    }
    int lf = data.indexOf((byte) '\n');
    String line = lf < 0 ? "" : data.readString(lf, StandardCharsets.US_ASCII).stripTrailing();
    if (line.startsWith("PRI * HTTP/2.0")) {
      return http2.connection(ctx);
    }
    if (line.endsWith(" HTTP/1.0")) {
      try {
        return http1.connection(new Http10Context(ctx));
      } catch (DataReader.IncorrectNewLineException e) {
        // a bare LF: HTTP/1.1 parsing answers it with a 400
      }
    }
    return http1.connection(ctx);
  }

  /**
   * Over the connection limit: a short 503 in Azure's error envelope, then close. A TLS connection
   * is closed without one: answering would cost a handshake first.
   */
  private void shed() {
    if (ctx.isSecure()) {
      return;
    }
    try {
      ctx.dataWriter().writeNow(BufferData.create(TransportErrors.SHED_RESPONSE));
    } catch (RuntimeException e) {
      // the client is gone already; the connection closes either way
    }
  }

  void enter(Phase next) {
    since = System.nanoTime();
    phase = next;
  }

  Phase phase() {
    return phase;
  }

  /** Closes the connection when its phase outlasted its deadline; called by the sweeper. */
  void enforce(long now, Duration idle, Duration headers, Duration body) {
    long age = now - since;
    switch (phase) {
      case WAITING -> expireIf(age > idle.toNanos());
      case HEADERS -> expireIf(age > headers.toNanos());
      case BODY -> expireIf(age > body.plus(STALL_MARGIN).toNanos());
      case HANDLING -> {}
      case MULTIPLEXED -> {
        ServerConnection current = inner;
        if (current != null && current.idleTime().compareTo(idle) > 0) {
          current.close(false);
        }
      }
    }
  }

  private void expireIf(boolean overdue) {
    if (overdue && !expired) {
      expired = true;
      closeSocket();
    }
  }

  private void closeSocket() {
    try {
      ctx.serverSocket().close();
    } catch (RuntimeException e) {
      // already closed
    }
  }

  @Override
  public Duration idleTime() {
    // The guard enforces idleness itself; Helidon's idle handler is left nothing to do.
    return Duration.ZERO;
  }

  @Override
  public void close(boolean interrupt) {
    ServerConnection current = inner;
    if (current != null) {
      current.close(interrupt);
    } else {
      closeSocket();
    }
  }
}
