package dev.lazurite.config;

import dev.lazurite.network.OutboundPolicy;
import java.util.List;

/**
 * Where the server may connect.
 *
 * @param allow allowlist entries: {@code host}, {@code host:port} or {@code *.domain}
 * @param allowAdministered whether destinations an administrator configured are allowed without
 *     being listed
 */
public record OutboundConfig(List<String> allow, boolean allowAdministered) {
  public static final OutboundConfig DEFAULT = new OutboundConfig(List.of(), true);

  public OutboundConfig {
    allow = List.copyOf(allow);
  }

  public OutboundPolicy policy() {
    return new OutboundPolicy(allow, allowAdministered);
  }
}
