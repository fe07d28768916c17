package dev.lazurite.runtime;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.safety.FilterPolicy;
import java.util.List;

/**
 * A deployment as the data plane sees it: its model, the backend serving it (or the pool of
 * backends when it has one), and its content filter policy.
 */
public record DeploymentRuntime(
    Deployment deployment,
    ModelSpec model,
    Backend backend,
    List<PoolMember> pool,
    FilterPolicy filter) {
  public DeploymentRuntime {
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(backend, "backend is null");
    pool = List.copyOf(pool);
    requireNonNull(filter, "filter is null");
  }

  public DeploymentRuntime(Deployment deployment, ModelSpec model, Backend backend) {
    this(deployment, model, backend, List.of(), FilterPolicy.DEFAULT);
  }
}
