package dev.lazurite.runtime;

import static java.util.Objects.requireNonNull;

import dev.lazurite.control.Account;
import java.util.Map;
import java.util.Optional;

/**
 * An account as the data plane sees it.
 *
 * @param region the display name {@code x-ms-region} reports
 */
public record AccountRuntime(
    Account account, String region, Map<String, DeploymentRuntime> deployments) {
  public AccountRuntime {
    requireNonNull(account, "account is null");
    requireNonNull(region, "region is null");
    deployments = Map.copyOf(deployments);
  }

  public Optional<DeploymentRuntime> deployment(String name) {
    return Optional.ofNullable(deployments.get(name));
  }
}
