package dev.lazurite.routing;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import java.time.Instant;

/**
 * A backend an account's deployments can pool: how to reach it, where it runs, its rank, and the
 * upstream key or client secret (sealed at rest, never shown).
 */
public record NamedBackend(
    String account,
    String name,
    BackendSpec spec,
    String region,
    int priority,
    int weight,
    FaultInjection faults,
    BackendSecret secret,
    Instant createdAt) {
  public NamedBackend {
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
    requireNonNull(spec, "spec is null");
    requireNonNull(region, "region is null");
    requireNonNull(faults, "faults is null");
    requireNonNull(secret, "secret is null");
    requireNonNull(createdAt, "createdAt is null");
    if (priority < 0 || weight < 1) {
      throw new IllegalArgumentException("priority must be >= 0 and weight >= 1");
    }
  }
}
