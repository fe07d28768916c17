package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A resource (Azure "account") that owns keys and deployments. */
public record Account(
    String name,
    String subscriptionId,
    String resourceGroup,
    String location,
    String kind,
    String skuName,
    Instant createdAt) {
  public Account {
    requireNonNull(name, "name is null");
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public String armId() {
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts/%s"
        .formatted(subscriptionId, resourceGroup, name);
  }
}
