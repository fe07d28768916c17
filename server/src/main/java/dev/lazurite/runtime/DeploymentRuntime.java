package dev.lazurite.runtime;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.routing.PoolMember;
import java.util.List;

/**
 * A deployment as the data plane sees it: its model, and the backend serving it, or the pool of
 * backends when it has one.
 */
public record DeploymentRuntime(
    Deployment deployment, ModelSpec model, Backend backend, List<PoolMember> pool) {
  public DeploymentRuntime {
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(backend, "backend is null");
    pool = List.copyOf(pool);
  }

  public DeploymentRuntime(Deployment deployment, ModelSpec model, Backend backend) {
    this(deployment, model, backend, List.of());
  }
}
