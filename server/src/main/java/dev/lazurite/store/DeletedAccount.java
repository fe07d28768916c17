package dev.lazurite.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A soft-deleted account: where it lived, when it goes for good, and what a restore brings back.
 *
 * @param contents the account's settings, keys and child resources as JSON, for restore only
 */
public record DeletedAccount(
    String name,
    String subscriptionId,
    String resourceGroup,
    String location,
    String kind,
    String skuName,
    Instant deletedAt,
    Instant purgeAt,
    String contents) {
  public DeletedAccount {
    requireNonNull(name, "name is null");
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(location, "location is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(deletedAt, "deletedAt is null");
    requireNonNull(purgeAt, "purgeAt is null");
    requireNonNull(contents, "contents is null");
  }
}
