package dev.lazurite.control;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.deployment.SkuNames;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.store.ControlStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deployments, the named backends they pool and the subscription quota they use. A deployment and
 * its pool are checked together and stored in one write.
 */
public final class DeploymentService {
  private static final Pattern DEPLOYMENT_NAME =
      Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$");
  private final BackendPools pools;

  private final ControlStore store;
  private final Clock clock;
  private final ControlWrites writes;
  private final ControlPlane.Commits commits;

  DeploymentService(
      ControlStore store,
      Clock clock,
      ControlWrites writes,
      ControlPlane.Commits commits,
      BackendPools pools) {
    this.store = store;
    this.clock = clock;
    this.writes = writes;
    this.commits = commits;
    this.pools = pools;
  }

  public List<NamedBackend> backends(Account account) {
    return store.pools().backends(account.name());
  }

  /** Creates or replaces a backend deployments of this account can pool. */
  public NamedBackend putBackend(
      Account account,
      String name,
      BackendSpec spec,
      String region,
      int priority,
      int weight,
      FaultInjection faults,
      BackendSecret secret) {
    return writes.run(
        () -> {
          if (!DEPLOYMENT_NAME.matcher(name).matches()) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_NAME, "Backend name '%s' is invalid.".formatted(name));
          }
          if (spec.kind() == BackendKind.EMBEDDED) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY, "The embedded model cannot be pooled.");
          }
          try {
            var backend =
                new NamedBackend(
                    account.name(),
                    name,
                    spec,
                    region,
                    priority,
                    weight,
                    faults,
                    secret.isEmpty() ? existingSecret(account, name) : secret,
                    clock.instant());
            BackendPools.check(spec, ModelCatalog.find("gpt-4o", "").orElseThrow());
            store.pools().upsertBackend(backend);
            pools.forget(account.name(), name);
            commits.committed(account.armId() + "/backends/" + name, ControlEvent.Operation.UPDATE);
            return backend;
          } catch (IllegalArgumentException e) {
            throw ApiException.of(ErrorCode.ARM_INVALID_BODY, e.getMessage());
          }
        });
  }

  /** A PUT without a key keeps the stored one, as a GET never shows it. */
  private BackendSecret existingSecret(Account account, String name) {
    return store.pools().backends(account.name()).stream()
        .filter(b -> b.name().equals(name))
        .map(NamedBackend::secret)
        .findFirst()
        .orElse(BackendSecret.NONE);
  }

  /** Deletes a backend no deployment pools; one in use is refused rather than silently dropped. */
  public boolean deleteBackend(Account account, String name) {
    return writes.run(
        () -> {
          for (Deployment d : store.deployments(account.name())) {
            if (store.pools().pool(account.name(), d.name()).contains(name)) {
              throw ApiException.of(
                  ErrorCode.ARM_CONFLICT,
                  "The backend '%s' serves the deployment '%s'. Remove it from the deployment's pool first."
                      .formatted(name, d.name()));
            }
          }
          boolean deleted = store.pools().deleteBackend(account.name(), name);
          if (deleted) {
            commits.committed(account.armId() + "/backends/" + name, ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  public List<String> pool(Account account, String deployment) {
    return store.pools().pool(account.name(), deployment);
  }

  /** Puts a deployment's requests on these backends (empty: back to its own backend). */
  public void setPool(Account account, String deployment, List<String> names) {
    writes.run(
        () -> {
          Deployment existing = deployment(account, deployment);
          checkPool(
              account,
              names,
              ModelCatalog.require(existing.model().name(), existing.model().version()));
          store.pools().setPool(account.name(), deployment, names);
          commits.committed(
              account.armId() + "/deployments/" + deployment, ControlEvent.Operation.UPDATE);
          return null;
        });
  }

  private void checkPool(Account account, List<String> names, ModelSpec model) {
    var known =
        store.pools().backends(account.name()).stream()
            .collect(java.util.stream.Collectors.toMap(NamedBackend::name, NamedBackend::spec));
    for (String name : names) {
      if (!known.containsKey(name)) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_BODY,
            "The backend '%s' does not exist in this resource.".formatted(name));
      }
      BackendPools.checkServes(known.get(name), name, model);
    }
  }

  public List<Deployment> deployments(Account account) {
    return store.deployments(account.name());
  }

  public Deployment deployment(Account account, String name) {
    return store
        .deployment(account.name(), name)
        .orElseThrow(
            () ->
                ApiException.of(
                    ErrorCode.ARM_RESOURCE_NOT_FOUND,
                    "Microsoft.CognitiveServices/accounts/%s/deployments/%s"
                        .formatted(account.name(), name),
                    account.resourceGroup()));
  }

  /**
   * Creates or replaces a deployment after checking its name, model, SKU and backend.
   *
   * @return true when it was created, false when it replaced one
   */
  public boolean putDeployment(Account account, DeploymentRequest request) {
    return writes.run(
        () -> {
          return putDeployment(account, request, java.util.Optional.empty());
        });
  }

  /**
   * Creates or replaces a deployment and, when given, its backend pool: the name, model, SKU,
   * backend, content filter policy, quota and every pool member are checked before either is
   * stored.
   *
   * @return true when it was created, false when it replaced one
   */
  public boolean putDeployment(
      Account account, DeploymentRequest request, java.util.Optional<List<String>> pool) {
    return writes.run(
        () -> {
          if (!DEPLOYMENT_NAME.matcher(request.name()).matches()) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_NAME,
                "Deployment name '%s' is invalid. It must be 1 to 64 characters of letters, digits, '_',"
                        .formatted(request.name())
                    + " '.' and '-', starting with a letter or digit.");
          }
          ModelSpec model = ModelCatalog.require(request.modelName(), request.modelVersion());
          String sku = SkuNames.canonical(request.skuName());
          if (sku == null) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The SKU '%s' is not supported. Supported SKUs: %s."
                    .formatted(request.skuName(), String.join(", ", SkuNames.ALL)));
          }
          BackendSpec backend = request.backend().orElseGet(() -> defaultBackend(model));
          BackendPools.check(backend, model);
          BackendPools.checkServes(backend, "", model);
          String policy = request.raiPolicyName();
          if (!policy.isEmpty()
              && !dev.lazurite.safety.RaiPolicy.isBuiltIn(policy)
              && store.rai().policies(account.name()).stream()
                  .noneMatch(p -> p.name().equals(policy))) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The RAI policy '" + policy + "' does not exist on this resource.");
          }
          pool.ifPresent(names -> checkPool(account, names, model));
          Optional<Deployment> existing = store.deployment(account.name(), request.name());
          checkQuota(account, model.name(), sku, request.capacity(), existing);
          var deployment =
              new Deployment(
                  account.name(),
                  request.name(),
                  new Deployment.ModelRef(model.format(), model.name(), model.version()),
                  new Deployment.Sku(sku, request.capacity()),
                  backend,
                  request.raiPolicyName().isEmpty()
                      ? "Microsoft.DefaultV2"
                      : request.raiPolicyName(),
                  request.versionUpgradeOption().isEmpty()
                      ? "OnceNewDefaultVersionAvailable"
                      : request.versionUpgradeOption(),
                  existing.map(Deployment::createdAt).orElse(clock.instant()));
          store.upsertDeployment(deployment);
          pool.ifPresent(names -> store.pools().setPool(account.name(), request.name(), names));
          commits.committed(
              account.armId() + "/deployments/" + request.name(),
              existing.isEmpty() ? ControlEvent.Operation.CREATE : ControlEvent.Operation.UPDATE);
          return existing.isEmpty();
        });
  }

  /** Units (thousands of tokens per minute) each subscription gets per region, model and type. */
  public static final int DEFAULT_QUOTA_UNITS = 1000;

  /** Azure's name for a quota: {@code Tokens Per Minute (thousands) - gpt-4o - GlobalStandard}. */
  public static String quotaName(String model, String sku) {
    return "Tokens Per Minute (thousands) - " + model + " - " + sku;
  }

  /** Capacity used in a subscription's quota for a region, model and deployment type. */
  public int quotaUsed(Account account, String model, String sku) {
    int used = 0;
    for (Account other : store.accounts()) {
      if (other.subscriptionId().equalsIgnoreCase(account.subscriptionId())
          && other.location().equalsIgnoreCase(account.location())) {
        for (Deployment d : store.deployments(other.name())) {
          if (d.model().name().equals(model) && d.sku().name().equals(sku)) {
            used += d.sku().capacity();
          }
        }
      }
    }
    return used;
  }

  private void checkQuota(
      Account account, String model, String sku, int capacity, Optional<Deployment> existing) {
    if (sku.contains("Provisioned")) {
      return;
    }
    int used = quotaUsed(account, model, sku);
    int freed =
        existing
            .filter(d -> d.model().name().equals(model) && d.sku().name().equals(sku))
            .map(d -> d.sku().capacity())
            .orElse(0);
    int needed = capacity - freed;
    int available = DEFAULT_QUOTA_UNITS - used;
    if (needed > available) {
      String name = quotaName(model, sku);
      throw ApiException.of(
          ErrorCode.ARM_INSUFFICIENT_QUOTA,
          needed,
          name,
          available,
          used,
          DEFAULT_QUOTA_UNITS,
          name);
    }
  }

  public boolean deleteDeployment(Account account, String name) {
    return writes.run(
        () -> {
          boolean deleted = store.deleteDeployment(account.name(), name);
          if (deleted) {
            commits.committed(
                account.armId() + "/deployments/" + name, ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  private static BackendSpec defaultBackend(ModelSpec model) {
    return BackendSpec.of(
        model.name().equals(ModelCatalog.EMBEDDED_EMBEDDING_MODEL)
            ? BackendKind.EMBEDDED
            : BackendKind.SIMULATOR);
  }
}
