package dev.lazurite.network;

import static java.util.Objects.requireNonNull;

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
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
    requireNonNull(address, "address is null");
    requireNonNull(sourceRange, "sourceRange is null");
    requireNonNull(createdAt, "createdAt is null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
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
