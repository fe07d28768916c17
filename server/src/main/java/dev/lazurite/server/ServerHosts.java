package dev.lazurite.server;

import dev.lazurite.config.ServerConfig;
import dev.lazurite.network.HostTemplate;
import java.util.List;
import java.util.Optional;

/** The host names this server answers on and its local certificate names. */
final class ServerHosts {
  private ServerHosts() {}

  /** Whether a host name is one this server answers on (On Your Data endpoints must be). */
  static boolean own(ServerConfig config, String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost")
        || h.equals("127.0.0.1")
        || h.equals("::1")
        || h.equalsIgnoreCase(config.host())
        || config.tlsHosts().stream().anyMatch(h::equalsIgnoreCase);
  }

  /** The names the local certificate covers: the configured ones and the host template's domain. */
  static List<String> certificate(ServerConfig config, Optional<HostTemplate> hostTemplate) {
    var hosts = new java.util.ArrayList<>(config.tlsHosts());
    hostTemplate.ifPresent(t -> hosts.add(t.wildcard()));
    return hosts;
  }
}
