package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One point in a deployment's capacity history: from {@code at} on, it has {@code capacity} units
 * of this SKU and model, until the next change. A capacity of 0 means it is gone: deleted, with its
 * account or on its own.
 *
 * @param resourceGroup the account's resource group, kept so a deleted account is still charged
 */
public record CapacityChange(
    String account,
    String resourceGroup,
    String deployment,
    String modelName,
    String modelVersion,
    String sku,
    int capacity,
    Instant at) {
  public CapacityChange {
    requireNonNull(account, "account is null");
    requireNonNull(resourceGroup, "resourceGroup is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(modelName, "modelName is null");
    requireNonNull(modelVersion, "modelVersion is null");
    requireNonNull(sku, "sku is null");
    requireNonNull(at, "at is null");
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
  }

  /** The same deployment, gone from {@code when} on. */
  CapacityChange gone(Instant when) {
    return new CapacityChange(
        account, resourceGroup, deployment, modelName, modelVersion, sku, 0, when);
  }

  /** Whether the deployment is provisioned and has capacity, so PTU-hours run. */
  boolean charged() {
    return capacity > 0 && DeploymentType.ofSku(sku) == DeploymentType.PROVISIONED;
  }

  /** Whether this change states the same thing as {@code other} (the time aside). */
  boolean sameAs(CapacityChange other) {
    return capacity == other.capacity
        && sku.equals(other.sku)
        && modelName.equals(other.modelName)
        && modelVersion.equals(other.modelVersion);
  }

  String key() {
    return account + "/" + deployment;
  }
}
