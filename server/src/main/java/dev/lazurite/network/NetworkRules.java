package dev.lazurite.network;

import java.util.List;

/**
 * An account's network settings, as ARM names them: {@code publicNetworkAccess} and {@code
 * networkAcls} ({@code defaultAction}, {@code ipRules}).
 */
public record NetworkRules(boolean publicAccess, boolean denyByDefault, List<Cidr> ipRules) {
  public static final NetworkRules OPEN = new NetworkRules(true, false, List.of());

  public NetworkRules {
    ipRules = List.copyOf(ipRules);
  }

  /**
   * Whether a request from {@code client} that did not come through a private endpoint may pass.
   */
  public Verdict publicVerdict(java.net.InetAddress client) {
    if (!publicAccess) {
      return Verdict.PUBLIC_ACCESS_DISABLED;
    }
    if (denyByDefault && ipRules.stream().noneMatch(r -> r.contains(client))) {
      return Verdict.FIREWALL;
    }
    return Verdict.ALLOWED;
  }

  public enum Verdict {
    ALLOWED,
    PUBLIC_ACCESS_DISABLED,
    FIREWALL
  }
}
