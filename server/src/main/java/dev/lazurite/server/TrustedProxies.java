package dev.lazurite.server;

import dev.lazurite.network.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which peers may say who the client is. Only a request from a trusted proxy has its {@code
 * X-Forwarded-For} read, and then only up to the first address that is not itself a trusted proxy;
 * with none configured (the default) the socket peer is the client, so a spoofed header never opens
 * a rule.
 */
public record TrustedProxies(List<Cidr> ranges) {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  public TrustedProxies {
    ranges = List.copyOf(ranges);
  }

  /** Parses {@code LAZURITE_TRUSTED_PROXIES}: comma-separated addresses or CIDRs. */
  public static TrustedProxies parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    return new TrustedProxies(
        Arrays.stream(value.split(",")).filter(v -> !v.isBlank()).map(Cidr::parse).toList());
  }

  public InetAddress client(InetAddress peer, String forwardedFor) {
    if (ranges.isEmpty() || forwardedFor.isBlank() || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop;
      try {
        String text = hops[i].strip();
        if (!text.matches("[0-9a-fA-F:.]+")) {
          return client;
        }
        hop = InetAddress.getByName(text);
      } catch (UnknownHostException e) {
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(InetAddress address) {
    for (Cidr range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
