package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import dev.lazurite.network.NetworkRules;
import java.time.Instant;

/**
 * A resource (Azure "account") that owns keys and deployments.
 *
 * @param disableLocalAuth when true, API keys are refused and only Entra tokens are accepted
 * @param network public network access and IP rules
 * @param metadata tags, custom subdomain, etag and who changed the account last
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
    NetworkRules network,
    AccountMetadata metadata) {
  public Account {
    requireNonNull(name, "name is null");
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(network, "network is null");
    requireNonNull(metadata, "metadata is null");
  }

  /** An account without metadata (tags, etag, …), as stores that do not keep it return it. */
  public Account(
      String name,
      String subscriptionId,
      String resourceGroup,
      String location,
      String kind,
      String skuName,
      Instant createdAt,
      boolean disableLocalAuth,
      NetworkRules network) {
    this(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        skuName,
        createdAt,
        disableLocalAuth,
        network,
        AccountMetadata.NONE);
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
        rules,
        metadata);
  }

  public Account withDisableLocalAuth(boolean disabled) {
    return new Account(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        skuName,
        createdAt,
        disabled,
        network,
        metadata);
  }

  public Account withSkuName(String sku) {
    return new Account(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        sku,
        createdAt,
        disableLocalAuth,
        network,
        metadata);
  }

  public Account withMetadata(AccountMetadata changed) {
    return new Account(
        name,
        subscriptionId,
        resourceGroup,
        location,
        kind,
        skuName,
        createdAt,
        disableLocalAuth,
        network,
        changed);
  }

  /** The etag ARM shows: the stored one, or one derived from the id for an older account. */
  public String etag() {
    return metadata.etag().isEmpty()
        ? "\""
            + java.util.UUID.nameUUIDFromBytes(
                (armId() + createdAt).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "\""
        : metadata.etag();
  }

  /** When the account last changed: its creation if it never did. */
  public Instant lastModifiedAt() {
    return metadata.lastModifiedAt() == null ? createdAt : metadata.lastModifiedAt();
  }

  public String armId() {
    // Concatenated rather than formatted: every request's ledger names its account.
    return "/subscriptions/"
        + subscriptionId
        + "/resourceGroups/"
        + resourceGroup
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + name;
  }
}
