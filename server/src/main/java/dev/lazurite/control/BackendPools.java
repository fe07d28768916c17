package dev.lazurite.control;

import dev.lazurite.backend.BackendFactory;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.routing.CircuitBreaker;
import dev.lazurite.routing.LatencyTracker;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds deployments' pools from an account's named backends for each snapshot, keeping every
 * backend's breaker and latency across snapshots (a new snapshot does not forget that a backend is
 * down), and checks backend specs before they are stored.
 */
final class BackendPools {
  /** A pooled backend's breaker and latency. */
  private record Health(CircuitBreaker breaker, LatencyTracker latency) {}

  private final Map<String, Health> health = new HashMap<>();
  private final BackendFactory backends;
  private final Clock clock;
  private final Duration latencyFailover;

  BackendPools(BackendFactory backends, Clock clock, Duration latencyFailover) {
    this.backends = backends;
    this.clock = clock;
    this.latencyFailover = latencyFailover;
  }

  /** The members of one deployment's pool, in the order stored; unknown names are skipped. */
  synchronized List<PoolMember> pool(
      String account, List<String> names, Map<String, NamedBackend> named) {
    List<PoolMember> pool = new ArrayList<>();
    for (String name : names) {
      NamedBackend backend = named.get(name);
      if (backend == null) {
        continue;
      }
      Health memberHealth =
          health.computeIfAbsent(
              account + "/" + name,
              k ->
                  new Health(
                      new CircuitBreaker(CircuitBreaker.Config.DEFAULT, clock),
                      new LatencyTracker(latencyFailover)));
      pool.add(
          new PoolMember(
              backend.name(),
              backend.region(),
              backend.priority(),
              backend.weight(),
              backend.faults().around(backends.backend(backend.spec(), backend.secret())),
              memberHealth.breaker(),
              memberHealth.latency()));
    }
    return pool;
  }

  /** A replaced backend starts with a closed breaker and no latency history. */
  synchronized void forget(String account, String name) {
    health.remove(account + "/" + name);
  }

  /** Every pooled backend of a snapshot, once each: what health probes visit. */
  static Collection<PoolMember> members(RuntimeSnapshot snapshot) {
    Map<CircuitBreaker, PoolMember> members = new IdentityHashMap<>();
    for (var account : snapshot.accounts().values()) {
      for (var deployment : account.deployments().values()) {
        deployment.pool().forEach(m -> members.putIfAbsent(m.breaker(), m));
      }
    }
    return members.values();
  }

  /** Refuses a backend the model cannot use, or an upstream URL that is not http(s). */
  static void check(BackendSpec backend, ModelSpec model) {
    if (backend.kind() == BackendKind.EMBEDDED
        && !model.name().equals(ModelCatalog.EMBEDDED_EMBEDDING_MODEL)) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The embedded backend serves only the model '%s'."
              .formatted(ModelCatalog.EMBEDDED_EMBEDDING_MODEL));
    }
    if (backend.kind().upstream()) {
      checkUrl(backend.effectiveUrl());
    }
    if (backend.kind() == BackendKind.AZURE && !backend.azure().tokenUrl().isEmpty()) {
      checkUrl(backend.azure().tokenUrl());
    }
  }

  /**
   * Refuses a model an anthropic backend cannot call: one that is not Anthropic's, unless the
   * backend names the Claude model to call instead ({@code upstreamModel}). That is how an operator
   * lets a deployment of another provider's model fail over to Claude.
   */
  static void checkServes(BackendSpec backend, String backendName, ModelSpec model) {
    if (backend.kind() == BackendKind.ANTHROPIC
        && backend.upstreamModel().isEmpty()
        && !model.format().equals(ModelCatalog.ANTHROPIC)) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          ("The anthropic backend%s cannot serve the model '%s' by its own name: give the backend an"
                  + " upstreamModel (the Claude model to call).")
              .formatted(backendName.isEmpty() ? "" : " '" + backendName + "'", model.name()));
    }
  }

  private static void checkUrl(String url) {
    try {
      var uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("scheme");
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The backend url '%s' is not an http or https URL.".formatted(url));
    }
  }
}
