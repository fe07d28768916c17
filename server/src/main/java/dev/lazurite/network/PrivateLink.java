package dev.lazurite.network;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A listener address bound to one resource (an account's or a search service's private endpoint),
 * and the name clients resolve to it through the resource type's private DNS zone.
 */
public interface PrivateLink {
  /** The resource it is bound to. */
  String resource();

  String name();

  String address();

  int port();

  /** The name clients resolve to {@link #address()}, as Azure's private DNS zone has it. */
  String privateLinkHost();

  /** What every private endpoint record checks on construction. */
  static void requireValid(
      String resource,
      String name,
      String address,
      int port,
      Optional<Cidr> sourceRange,
      Instant createdAt) {
    requireNonNull(resource, "resource is null");
    requireNonNull(name, "name is null");
    requireNonNull(address, "address is null");
    requireNonNull(sourceRange, "sourceRange is null");
    requireNonNull(createdAt, "createdAt is null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
  }
}
