package dev.lazurite.runtime;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.deployment.Deployment;

/** A deployment as the data plane sees it: its model and the backend serving it. */
public record DeploymentRuntime(Deployment deployment, ModelSpec model, Backend backend) {
  public DeploymentRuntime {
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(backend, "backend is null");
  }
}
