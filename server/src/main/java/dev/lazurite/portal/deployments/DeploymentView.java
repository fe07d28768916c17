package dev.lazurite.portal.deployments;

import dev.lazurite.deployment.Deployment;

/** A deployment as the deployments page shows it. */
public record DeploymentView(
    String name, String model, String version, String sku, int capacity, String policy) {
  static DeploymentView of(Deployment d) {
    return new DeploymentView(
        d.name(),
        d.model().name(),
        d.model().version(),
        d.sku().name(),
        d.sku().capacity(),
        d.raiPolicyName());
  }
}
