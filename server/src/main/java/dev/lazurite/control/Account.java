package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A resource (Azure "account") that owns keys and deployments.
 *
 * @param disableLocalAuth when true, API keys are refused and only Entra tokens are accepted
 */
public record Account(
    String name,
    String subscriptionId,
    String resourceGroup,
    String location,
    String kind,
    String skuName,
    Instant createdAt,
    boolean disableLocalAuth) {
  public Account {
    requireNonNull(name, "name is null");
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public Account withDisableLocalAuth(boolean disabled) {
    return new Account(
        name, subscriptionId, resourceGroup, location, kind, skuName, createdAt, disabled);
  }

  public String armId() {
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts/%s"
        .formatted(subscriptionId, resourceGroup, name);
  }
}
