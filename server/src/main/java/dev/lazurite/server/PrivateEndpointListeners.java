package dev.lazurite.server;

import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.tls.LocalCertificates;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener per private endpoint, serving the data plane on the endpoint's address. They open
 * and close as snapshots add and remove endpoints. With an HTTPS port configured they serve HTTPS,
 * with a certificate that also names the address and the account's privatelink host name.
 */
final class PrivateEndpointListeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateEndpointListeners.class);

  private final Consumer<HttpRouting.Builder> routing;
  private final Function<PrivateEndpoint, Optional<LocalCertificates.Identity>> identities;
  private final Duration grace;
  private final Map<String, WebServer> open = new HashMap<>();

  /**
   * @param identities the TLS identity for an endpoint; empty to serve plain HTTP
   */
  PrivateEndpointListeners(
      Consumer<HttpRouting.Builder> routing,
      Function<PrivateEndpoint, Optional<LocalCertificates.Identity>> identities,
      Duration grace) {
    this.routing = routing;
    this.identities = identities;
    this.grace = grace;
  }

  synchronized void reconcile(RuntimeSnapshot snapshot) {
    Set<String> wanted = new HashSet<>();
    for (PrivateEndpoint endpoint : snapshot.privateEndpoints()) {
      String id = endpoint.address() + ":" + endpoint.port();
      wanted.add(id);
      if (!open.containsKey(id)) {
        try {
          open.put(id, start(endpoint));
          LOG.info(
              "private endpoint {} of {} listening on {}", endpoint.name(), endpoint.account(), id);
        } catch (RuntimeException e) {
          LOG.error(
              "private endpoint {} could not listen on {}: {}", endpoint.name(), id, e.toString());
        }
      }
    }
    open.keySet()
        .removeIf(
            id -> {
              if (wanted.contains(id)) {
                return false;
              }
              open.get(id).stop();
              return true;
            });
  }

  private WebServer start(PrivateEndpoint endpoint) {
    var builder =
        WebServer.builder()
            .host(endpoint.address())
            .port(endpoint.port())
            .shutdownHook(false)
            .shutdownGracePeriod(grace)
            .maxConcurrentRequests(-1)
            .connectionOptions(o -> o.tcpNoDelay(true))
            .routing(routing);
    identities
        .apply(endpoint)
        .ifPresent(
            identity ->
                builder.tls(
                    tls -> tls.privateKey(identity.key()).privateKeyCertChain(identity.chain())));
    return builder.build().start();
  }

  int port(PrivateEndpoint endpoint) {
    synchronized (this) {
      WebServer server = open.get(endpoint.address() + ":" + endpoint.port());
      return server == null ? -1 : server.port();
    }
  }

  @Override
  public synchronized void close() {
    open.values().forEach(WebServer::stop);
    open.clear();
  }

  static Optional<LocalCertificates.Identity> localCa(
      java.nio.file.Path tlsDir, PrivateEndpoint endpoint) {
    try {
      return Optional.of(
          LocalCertificates.issue(
              tlsDir, Set.of(endpoint.address(), endpoint.privateLinkHost(), "localhost")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
