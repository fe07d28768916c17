package dev.lazurite.network;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where Lazurite may connect: the hosts on the configured allowlist ({@code host}, {@code
 * host:port} or {@code *.domain}), plus, unless turned off, the upstreams the administrator
 * configured (model backends, trusted issuers' key sets). Every outbound call checks it before it
 * connects; a destination outside it is refused with a 400 and never contacted.
 */
public final class OutboundPolicy {
  public static final OutboundPolicy ADMINISTERED = new OutboundPolicy(List.of(), true);

  private final List<String> allowed;
  private final boolean administeredAllowed;

  /**
   * @param allowed allowlist entries
   * @param administeredAllowed whether destinations an administrator configured are allowed without
   *     being listed
   */
  public OutboundPolicy(List<String> allowed, boolean administeredAllowed) {
    this.allowed =
        allowed.stream()
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList();
    this.administeredAllowed = administeredAllowed;
  }

  /** For a destination an administrator configured (a backend URL, a trusted issuer's keys). */
  public void checkAdministered(URI destination) {
    if (!administeredAllowed) {
      check(destination);
    }
  }

  /** For any other destination, e.g. one a request names. */
  public void check(URI destination) {
    if (!listed(destination)) {
      throw ApiException.of(ErrorCode.OUTBOUND_NOT_ALLOWED, origin(destination));
    }
  }

  private boolean listed(URI destination) {
    String host =
        destination.getHost() == null ? "" : destination.getHost().toLowerCase(Locale.ROOT);
    String hostPort = host + ":" + port(destination);
    for (String entry : allowed) {
      if (entry.equals(host) || entry.equals(hostPort)) {
        return true;
      }
      if (entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String origin(URI uri) {
    return (uri.getHost() == null ? "?" : uri.getHost()) + ":" + port(uri);
  }
}
