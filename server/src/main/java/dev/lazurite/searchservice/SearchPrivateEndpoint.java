package dev.lazurite.searchservice;

import dev.lazurite.network.Cidr;
import dev.lazurite.network.PrivateLink;
import java.time.Instant;
import java.util.Optional;

/**
 * A search service's private endpoint: a listener address that serves that service's REST API
 * privately. {@code sourceRange}, when given, is the virtual network allowed to use it.
 */
public record SearchPrivateEndpoint(
    String service,
    String name,
    String address,
    int port,
    Optional<Cidr> sourceRange,
    Instant createdAt)
    implements PrivateLink {
  public SearchPrivateEndpoint {
    PrivateLink.requireValid(service, name, address, port, sourceRange, createdAt);
  }

  @Override
  public String resource() {
    return service;
  }

  /** The name in Azure AI Search's private DNS zone, {@code privatelink.search.windows.net}. */
  @Override
  public String privateLinkHost() {
    return service + ".privatelink.search.windows.net";
  }
}
