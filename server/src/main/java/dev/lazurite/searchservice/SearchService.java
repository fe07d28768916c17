package dev.lazurite.searchservice;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A search service resource ({@code Microsoft.Search/searchServices}) with its admin and query keys
 * and its network isolation.
 */
public record SearchService(
    String name,
    String subscription,
    String resourceGroup,
    String location,
    String sku,
    String primaryKey,
    String secondaryKey,
    String queryKey,
    Instant createdAt,
    SearchNetwork network) {
  public SearchService {
    requireNonNull(name, "name is null");
    requireNonNull(subscription, "subscription is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(sku, "sku is null");
    requireNonNull(primaryKey, "primaryKey is null");
    requireNonNull(secondaryKey, "secondaryKey is null");
    requireNonNull(queryKey, "queryKey is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(network, "network is null");
  }

  public SearchService withKeys(String primary, String secondary) {
    return new SearchService(
        name,
        subscription,
        resourceGroup,
        location,
        sku,
        primary,
        secondary,
        queryKey,
        createdAt,
        network);
  }

  public SearchService withNetwork(SearchNetwork changed) {
    return new SearchService(
        name,
        subscription,
        resourceGroup,
        location,
        sku,
        primaryKey,
        secondaryKey,
        queryKey,
        createdAt,
        changed);
  }

  @Override
  public String toString() {
    return "SearchService[" + name + "]";
  }
}
