package dev.lazurite.server.edge;

import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;

/**
 * The HTTP edge every listener and handler shares: the connection guard in front of Helidon, the
 * transport-error answers, and the first filter of every routing. Listeners are configured here and
 * only here.
 */
public final class Edge {
  private final ConnectionGuard guard;
  private final long maxBodyBytes;

  public Edge(ConnectionGuard guard, long maxBodyBytes) {
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Applies the edge to one listener (the server's default socket or a named one). */
  public void listener(ListenerConfig.BuilderBase<?, ?> listener, String name, Duration grace) {
    var http1 = Http1Config.builder().addReceiveListener(guard.phases()).build();
    listener
        .protocolsDiscoverServices(false)
        .addConnectionSelector(guard.selector(name, http1))
        // The guard closes idle connections; Helidon's own idle check would close a connection
        // whose request outlasts it without saying so (no Connection: close on the answer).
        .idleConnectionTimeout(Duration.ofDays(1))
        .idleConnectionPeriod(Duration.ofHours(1))
        .directHandlers(TransportErrors.handlers())
        .shutdownGracePeriod(grace)
        .maxConcurrentRequests(-1)
        .maxTcpConnections(guard.acceptLimit())
        // Streamed events are small writes; without this each waits on the peer's delayed ACK.
        .connectionOptions(o -> o.tcpNoDelay(true));
  }

  /** Adds the edge filter; call before any route. */
  public void routing(HttpRouting.Builder routing) {
    routing.addFilter(new EdgeFilter(maxBodyBytes, guard.limits().bodyTimeout()));
  }

  public ConnectionGuard guard() {
    return guard;
  }
}
