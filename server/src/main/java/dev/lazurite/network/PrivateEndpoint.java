package dev.lazurite.network;

import java.time.Instant;
import java.util.Optional;

/**
 * A private endpoint: a listener address (the "private IP") that binds to one account. Requests
 * that arrive through it are private; {@code sourceRange}, when given, is the virtual network
 * allowed to use it.
 */
public record PrivateEndpoint(
    String account,
    String name,
    String address,
    int port,
    Optional<Cidr> sourceRange,
    Instant createdAt)
    implements PrivateLink {
  public PrivateEndpoint {
    PrivateLink.requireValid(account, name, address, port, sourceRange, createdAt);
  }

  @Override
  public String resource() {
    return account;
  }

  /** The name clients resolve to this endpoint, as Azure's private DNS zone has it. */
  @Override
  public String privateLinkHost() {
    return account + ".privatelink.openai.azure.com";
  }
}
