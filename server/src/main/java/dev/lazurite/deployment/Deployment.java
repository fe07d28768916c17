package dev.lazurite.deployment;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.BackendSpec;
import java.time.Instant;

/**
 * A named deployment of a model in an account, with its SKU and the backend that serves it. The
 * deployment name is what clients call; the model is what answers.
 */
public record Deployment(
    String account,
    String name,
    ModelRef model,
    Sku sku,
    BackendSpec backend,
    String raiPolicyName,
    String versionUpgradeOption,
    Instant createdAt) {
  public Deployment {
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
    requireNonNull(model, "model is null");
    requireNonNull(sku, "sku is null");
    requireNonNull(backend, "backend is null");
    requireNonNull(raiPolicyName, "raiPolicyName is null");
    requireNonNull(versionUpgradeOption, "versionUpgradeOption is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  /** The model a deployment runs, as ARM names it. */
  public record ModelRef(String format, String name, String version) {
    public ModelRef {
      requireNonNull(format, "format is null");
      requireNonNull(name, "name is null");
      requireNonNull(version, "version is null");
    }
  }

  /** The deployment type and its capacity (thousands of tokens per minute for Standard types). */
  public record Sku(String name, int capacity) {
    public Sku {
      requireNonNull(name, "name is null");
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
      }
    }
  }
}
