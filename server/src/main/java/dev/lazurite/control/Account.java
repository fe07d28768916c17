package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import dev.lazurite.network.NetworkRules;
import java.time.Instant;

/**
 * A resource (Azure "account") that owns keys and deployments.
 *
 * @param disableLocalAuth when true, API keys are refused and only Entra tokens are accepted
 * @param network public network access and IP rules
 */
public record Account(
    String name,
    String subscriptionId,
    String resourceGroup,
    String location,
    String kind,
    String skuName,
    Instant createdAt,
    boolean disableLocalAuth,
    NetworkRules network) {
  public Account {
    requireNonNull(name, "name is null");
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(network, "network is null");
  }

  /** A new account with default settings: keys allowed, open to every network. */
  public static Account create(
      String name,
      String subscriptionId,
      String resourceGroup,
      String location,
      String kind,
      String skuName,
      Instant createdAt) {
    return new Account(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        skuName,
        createdAt,
        false,
        NetworkRules.OPEN);
  }

  public Account withNetwork(NetworkRules rules) {
    return new Account(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        skuName,
        createdAt,
        disableLocalAuth,
        rules);
  }

  public Account withDisableLocalAuth(boolean disabled) {
    return new Account(
        name, subscriptionId, resourceGroup, location, kind, skuName, createdAt, disabled, network);
  }

  public String armId() {
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts/%s"
        .formatted(subscriptionId, resourceGroup, name);
  }
}
