package dev.lazurite.server.edge;

import dev.lazurite.tls.LocalCertificates;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP edge every listener and handler shares: the connection guard in front of Helidon, the
 * transport-error answers, and the first filter of every routing. Listeners are configured here and
 * only here.
 */
public final class Edge {
  private final ConnectionGuard guard;
  private final long maxBodyBytes;
  private final Duration grace;

  /**
   * @param grace how long a listener waits for in-flight requests when it stops
   */
  public Edge(ConnectionGuard guard, long maxBodyBytes, Duration grace) {
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
    this.grace = grace;
  }

  /**
   * One listener's (unstarted) server: the edge's settings, TLS when given, the edge filter before
   * the routes.
   */
  public WebServer server(
      String name,
      String host,
      int port,
      Optional<LocalCertificates.Identity> tls,
      Consumer<HttpRouting.Builder> routes) {
    WebServerConfig.Builder builder = WebServer.builder().host(host).port(port).shutdownHook(false);
    listener(builder, name);
    tls.ifPresent(
        identity ->
            builder.tls(t -> t.privateKey(identity.key()).privateKeyCertChain(identity.chain())));
    return builder
        .routing(
            r -> {
              r.addFilter(new EdgeFilter(maxBodyBytes, guard.limits().bodyTimeout()));
              routes.accept(r);
            })
        .build();
  }

  private void listener(ListenerConfig.BuilderBase<?, ?> listener, String name) {
    // Helidon reads header blocks up to this size; the edge refuses those over HEADER_BYTES with a
    // 431 once they are read whole, so the client is not reset while still sending them.
    var http1 =
        Http1Config.builder()
            .maxHeadersSize(EdgeFilter.HEADER_READ_BYTES)
            .addReceiveListener(guard.phases())
            .build();
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
}
