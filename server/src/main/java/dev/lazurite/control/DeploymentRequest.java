package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.BackendSpec;
import java.util.Optional;

/**
 * What a caller asks for when creating or updating a deployment.
 *
 * @param modelVersion empty for the model's default version
 * @param backend empty for the model's default backend (embedded or simulator)
 */
public record DeploymentRequest(
    String name,
    String modelName,
    String modelVersion,
    String skuName,
    int capacity,
    String raiPolicyName,
    String versionUpgradeOption,
    Optional<BackendSpec> backend) {
  public DeploymentRequest {
    requireNonNull(name, "name is null");
    requireNonNull(modelName, "modelName is null");
    requireNonNull(modelVersion, "modelVersion is null");
    requireNonNull(skuName, "skuName is null");
    requireNonNull(raiPolicyName, "raiPolicyName is null");
    requireNonNull(versionUpgradeOption, "versionUpgradeOption is null");
    requireNonNull(backend, "backend is null");
    if (capacity < 1) {
      throw dev.lazurite.error.ApiException.of(
          dev.lazurite.error.ErrorCode.ARM_INVALID_BODY,
          "The capacity must be at least 1, got %d.".formatted(capacity));
    }
  }
}
