package dev.lazurite.server;

import dev.lazurite.network.PrivateLink;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.server.edge.Listener;
import dev.lazurite.server.edge.ListenerWatchdog;
import dev.lazurite.tls.LocalCertificates;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener per private endpoint, serving a data plane (an account's, or a search service's) on
 * the endpoint's address. They open and close as the endpoints are added and removed. With an HTTPS
 * port configured they serve HTTPS, with a certificate that also names the address and the
 * resource's privatelink host name.
 */
final class PrivateEndpointListeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateEndpointListeners.class);

  /** Builds the (unstarted) server of one endpoint's listener. */
  interface ServerFactory {
    WebServer server(String host, int port, Optional<LocalCertificates.Identity> tls);
  }

  private final ServerFactory servers;
  private final Function<PrivateLink, Optional<LocalCertificates.Identity>> identities;
  private final ListenerWatchdog watchdog;
  private final Map<String, Listener> open = new HashMap<>();

  /**
   * @param identities the TLS identity for an endpoint; empty to serve plain HTTP
   * @param watchdog restarts a listener that stops accepting, and reports it for readiness
   */
  PrivateEndpointListeners(
      ServerFactory servers,
      Function<PrivateLink, Optional<LocalCertificates.Identity>> identities,
      ListenerWatchdog watchdog) {
    this.servers = servers;
    this.identities = identities;
    this.watchdog = watchdog;
  }

  void reconcile(RuntimeSnapshot snapshot) {
    reconcile(snapshot.privateEndpoints());
  }

  synchronized void reconcile(Collection<? extends PrivateLink> endpoints) {
    Set<String> wanted = new HashSet<>();
    for (PrivateLink endpoint : endpoints) {
      String id = endpoint.address() + ":" + endpoint.port();
      wanted.add(id);
      if (!open.containsKey(id)) {
        try {
          open.put(id, start(endpoint));
          LOG.info(
              "private endpoint {} of {} listening on {}",
              endpoint.name(),
              endpoint.resource(),
              id);
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
              watchdog.unwatch(open.get(id));
              open.get(id).stop();
              return true;
            });
  }

  private Listener start(PrivateLink endpoint) {
    Optional<LocalCertificates.Identity> tls = identities.apply(endpoint);
    Listener listener =
        Listener.start(
            "private-endpoint " + endpoint.name() + " " + endpoint.address(),
            endpoint.address(),
            endpoint.port(),
            port -> servers.server(endpoint.address(), port, tls));
    watchdog.watch(listener);
    return listener;
  }

  int port(PrivateLink endpoint) {
    synchronized (this) {
      Listener listener = open.get(endpoint.address() + ":" + endpoint.port());
      return listener == null ? -1 : listener.port();
    }
  }

  @Override
  public synchronized void close() {
    open.values().forEach(watchdog::unwatch);
    open.values().parallelStream().forEach(Listener::stop);
    open.clear();
  }

  static Optional<LocalCertificates.Identity> localCa(
      java.nio.file.Path tlsDir, PrivateLink endpoint) {
    try {
      return Optional.of(
          LocalCertificates.issue(
              tlsDir, Set.of(endpoint.address(), endpoint.privateLinkHost(), "localhost")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
