package dev.lazurite.server;

import dev.lazurite.config.ServerConfig;
import dev.lazurite.network.HostTemplate;
import dev.lazurite.network.PrivateLink;
import dev.lazurite.server.edge.ConnectionGuard;
import dev.lazurite.server.edge.Edge;
import dev.lazurite.server.edge.Listener;
import dev.lazurite.server.edge.ListenerWatchdog;
import dev.lazurite.server.edge.Readiness;
import dev.lazurite.tls.LocalCertificates;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every listening socket: the shared HTTP and HTTPS listeners, one per private endpoint of an
 * account or search service, the connection guard in front of them all, and the watchdog that
 * restarts a listener that stops accepting. Health ({@code /healthz}) is served here.
 */
final class Listeners {
  private final ServerConfig config;
  private final ConnectionGuard guard;
  private final ListenerWatchdog watchdog;
  private final Listener http;
  private final Optional<Listener> https;
  private final Optional<Path> caCert;
  private final PrivateEndpointListeners accountEndpoints;
  private final PrivateEndpointListeners searchEndpoints;

  /** What each kind of listener serves. */
  record Routes(
      Consumer<HttpRouting.Builder> shared,
      Consumer<HttpRouting.Builder> accountPrivateEndpoint,
      Consumer<HttpRouting.Builder> searchPrivateEndpoint) {}

  /**
   * Binds the shared listeners; private endpoints' listeners open as endpoints are reconciled.
   *
   * @param opened collects what is started, in order
   */
  Listeners(
      ServerConfig config,
      Optional<HostTemplate> hostTemplate,
      Routes routes,
      Deque<AutoCloseable> opened)
      throws IOException {
    this.config = config;
    Path tlsDir = config.dataDir().resolve("tls");
    Optional<LocalCertificates.Identity> identity = Optional.empty();
    if (config.httpsPort() >= 0) {
      identity =
          Optional.of(
              config.tlsCert().isPresent()
                  ? LocalCertificates.fromPem(config.tlsCert().get(), config.tlsKey().orElseThrow())
                  : LocalCertificates.localIdentity(
                      tlsDir, ServerHosts.certificate(config, hostTemplate)));
    }
    this.caCert =
        config.httpsPort() >= 0 && config.tlsCert().isEmpty()
            ? Optional.of(new LocalCertificates.Files(tlsDir).caCert())
            : Optional.empty();
    this.guard = new ConnectionGuard(config.http());
    this.watchdog = new ListenerWatchdog(Duration.ofSeconds(1));
    opened.push(guard);
    opened.push(watchdog);
    // Each listener stops within half the grace period (Helidon waits twice: for requests, then
    // for writers), so that stopping them all at once stays within the grace period.
    var edge = new Edge(guard, config.maxBodyBytes(), config.shutdownGrace().dividedBy(2));
    var readiness = new Readiness(watchdog::listeners, guard);
    Consumer<HttpRouting.Builder> shared =
        r -> {
          routes.shared().accept(r);
          r.get("/healthz", readiness).any(ServerRoutes::notFound);
        };
    String host = config.host();
    this.http =
        Listener.start(
            "http",
            host,
            config.port(),
            port -> edge.server("http", host, port, Optional.empty(), shared));
    watchdog.watch(http);
    opened.push(http::stop);
    this.https =
        identity.map(
            tls ->
                Listener.start(
                    "https",
                    host,
                    config.httpsPort(),
                    port -> edge.server("https", host, port, Optional.of(tls), shared)));
    https.ifPresent(watchdog::watch);
    https.ifPresent(l -> opened.push(l::stop));
    var configured = identity;
    Function<PrivateLink, Optional<LocalCertificates.Identity>> identities =
        endpoint -> {
          if (config.httpsPort() < 0) {
            return Optional.empty();
          }
          return config.tlsCert().isPresent()
              ? configured
              : PrivateEndpointListeners.localCa(tlsDir, endpoint);
        };
    this.accountEndpoints =
        new PrivateEndpointListeners(
            (h, port, tls) ->
                edge.server("private-endpoint", h, port, tls, routes.accountPrivateEndpoint()),
            identities,
            watchdog);
    opened.push(accountEndpoints);
    this.searchEndpoints =
        new PrivateEndpointListeners(
            (h, port, tls) ->
                edge.server(
                    "search-private-endpoint", h, port, tls, routes.searchPrivateEndpoint()),
            identities,
            watchdog);
    opened.push(searchEndpoints);
  }

  URI endpoint() {
    return URI.create("http://" + hostForUrl() + ":" + http.port());
  }

  Optional<URI> httpsEndpoint() {
    String host =
        config.host().equals("127.0.0.1") || config.host().equals("0.0.0.0")
            ? "localhost"
            : hostForUrl();
    return https.map(l -> URI.create("https://" + host + ":" + l.port()));
  }

  private String hostForUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  ConnectionGuard guard() {
    return guard;
  }

  Optional<Path> caCert() {
    return caCert;
  }

  PrivateEndpointListeners accountEndpoints() {
    return accountEndpoints;
  }

  PrivateEndpointListeners searchEndpoints() {
    return searchEndpoints;
  }

  /** Stops every listener at once, so that together they take no longer than one. */
  void close() {
    watchdog.close();
    var stopping = new ArrayList<Thread>();
    stopping.add(Thread.ofVirtual().start(accountEndpoints::close));
    stopping.add(Thread.ofVirtual().start(searchEndpoints::close));
    stopping.add(Thread.ofVirtual().start(http::stop));
    https.ifPresent(l -> stopping.add(Thread.ofVirtual().start(l::stop)));
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    guard.close();
  }
}
