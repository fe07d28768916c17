package dev.lazurite.control;

import dev.lazurite.backend.BackendFactory;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.deployment.SkuNames;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.Regions;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.runtime.Snapshots;
import dev.lazurite.safety.FilterPolicies;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.store.ControlStore;
import dev.lazurite.store.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one service layer over accounts, keys and deployments. The ARM-shaped REST API and the
 * command line are both clients of it. Every change is stored, then published to the data plane as
 * a new runtime snapshot, so it takes effect for the next request.
 */
public final class ControlPlane {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$");
  private static final Pattern DEPLOYMENT_NAME =
      Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$");

  private final ControlStore store;
  private final IdentityStore identities;
  private final BackendFactory backends;
  private final Snapshots snapshots;
  private final Clock clock;
  private final BackendPools pools;

  /**
   * @param latencyFailover time to first byte over which a pooled backend is tried last; zero for
   *     off
   */
  public ControlPlane(
      ControlStore store,
      IdentityStore identities,
      BackendFactory backends,
      Snapshots snapshots,
      Clock clock,
      java.time.Duration latencyFailover) {
    this.pools = new BackendPools(backends, clock, latencyFailover);
    this.store = store;
    this.identities = identities;
    this.backends = backends;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  public List<Account> accounts() {
    return store.accounts();
  }

  public Account account(String subscription, String resourceGroup, String name) {
    return store
        .account(name)
        .filter(a -> a.subscriptionId().equalsIgnoreCase(subscription))
        .filter(a -> a.resourceGroup().equalsIgnoreCase(resourceGroup))
        .orElseThrow(
            () ->
                ApiException.of(
                    ErrorCode.ARM_RESOURCE_NOT_FOUND,
                    "Microsoft.CognitiveServices/accounts/" + name,
                    resourceGroup));
  }

  /** Creates an account with fresh keys; returns false when it already existed (left as is). */
  public synchronized boolean createAccount(Account account) {
    if (!NAME.matcher(account.name()).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME,
          "Resource name '%s' is invalid. It must be 2 to 64 characters of letters, digits, '_',"
                  .formatted(account.name())
              + " '.' and '-', starting with a letter or digit.");
    }
    if (store.account(account.name()).isPresent()) {
      return false;
    }
    store.insertAccount(account, AccountKeys.generate());
    publish();
    return true;
  }

  /** Turns key authentication off or on for an account; takes effect for the next request. */
  public synchronized Account setDisableLocalAuth(Account account, boolean disabled) {
    Account updated = account.withDisableLocalAuth(disabled);
    store.updateAccount(updated);
    publish();
    return updated;
  }

  /** Replaces an account's public network access and IP rules. */
  public synchronized Account setNetwork(Account account, dev.lazurite.network.NetworkRules rules) {
    Account updated = account.withNetwork(rules);
    store.updateAccount(updated);
    publish();
    return updated;
  }

  public List<dev.lazurite.network.PrivateEndpoint> privateEndpoints(Account account) {
    return store.privateEndpoints().stream()
        .filter(e -> e.account().equals(account.name()))
        .toList();
  }

  /** Binds a listener address to the account; the listener opens when the snapshot is published. */
  public synchronized dev.lazurite.network.PrivateEndpoint createPrivateEndpoint(
      Account account,
      String name,
      String address,
      int port,
      java.util.Optional<dev.lazurite.network.Cidr> source) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME, "Private endpoint name '%s' is invalid.".formatted(name));
    }
    try {
      var parsed = java.net.InetAddress.getByName(address);
      if (!address.equals(parsed.getHostAddress()) && !address.contains(":")) {
        throw new IllegalArgumentException();
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The address '%s' is not an IP address.".formatted(address));
    }
    if (port < 1 || port > 65535) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The port must be 1..65535, got %d.".formatted(port));
    }
    boolean taken =
        store.privateEndpoints().stream()
            .anyMatch(
                e ->
                    (e.account().equals(account.name()) && e.name().equals(name))
                        || (e.address().equals(address) && e.port() == port));
    if (taken) {
      throw ApiException.of(
          ErrorCode.ARM_CONFLICT, "A private endpoint with this name or address already exists.");
    }
    var endpoint =
        new dev.lazurite.network.PrivateEndpoint(
            account.name(), name, address, port, source, clock.instant());
    store.insertPrivateEndpoint(endpoint);
    publish();
    return endpoint;
  }

  public synchronized boolean deletePrivateEndpoint(Account account, String name) {
    boolean deleted = store.deletePrivateEndpoint(account.name(), name);
    publish();
    return deleted;
  }

  public List<NamedBackend> backends(Account account) {
    return store.pools().backends(account.name());
  }

  /** Creates or replaces a backend deployments of this account can pool. */
  public synchronized NamedBackend putBackend(
      Account account,
      String name,
      BackendSpec spec,
      String region,
      int priority,
      int weight,
      FaultInjection faults,
      BackendSecret secret) {
    if (!DEPLOYMENT_NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME, "Backend name '%s' is invalid.".formatted(name));
    }
    if (spec.kind() == BackendKind.EMBEDDED) {
      throw ApiException.of(ErrorCode.ARM_INVALID_BODY, "The embedded model cannot be pooled.");
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
      publish();
      return backend;
    } catch (IllegalArgumentException e) {
      throw ApiException.of(ErrorCode.ARM_INVALID_BODY, e.getMessage());
    }
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
  public synchronized boolean deleteBackend(Account account, String name) {
    for (Deployment d : store.deployments(account.name())) {
      if (store.pools().pool(account.name(), d.name()).contains(name)) {
        throw ApiException.of(
            ErrorCode.ARM_CONFLICT,
            "The backend '%s' serves the deployment '%s'. Remove it from the deployment's pool first."
                .formatted(name, d.name()));
      }
    }
    boolean deleted = store.pools().deleteBackend(account.name(), name);
    publish();
    return deleted;
  }

  public List<String> pool(Account account, String deployment) {
    return store.pools().pool(account.name(), deployment);
  }

  /** Puts a deployment's requests on these backends (empty: back to its own backend). */
  public synchronized void setPool(Account account, String deployment, List<String> names) {
    deployment(account, deployment);
    var known = store.pools().backends(account.name()).stream().map(NamedBackend::name).toList();
    for (String name : names) {
      if (!known.contains(name)) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_BODY,
            "The backend '%s' does not exist in this resource.".formatted(name));
      }
    }
    store.pools().setPool(account.name(), deployment, names);
    publish();
  }

  public List<dev.lazurite.rbac.RoleAssignment> roleAssignments() {
    return identities.roleAssignments();
  }

  /** Grants a built-in role (by name or id) to a principal or group at a scope. */
  public synchronized dev.lazurite.rbac.RoleAssignment assignRole(
      String id, String principalId, String role, String scope) {
    var definition =
        dev.lazurite.rbac.BuiltInRoles.find(role)
            .orElseThrow(
                () ->
                    ApiException.of(
                        ErrorCode.ARM_INVALID_BODY,
                        "The role definition '%s' does not exist.".formatted(role)));
    if (!scope.startsWith("/subscriptions/")) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The scope '%s' is not a valid ARM scope.".formatted(scope));
    }
    if (identities.roleAssignments().stream().anyMatch(a -> a.id().equals(id))) {
      throw ApiException.of(
          ErrorCode.ARM_CONFLICT, "The role assignment '%s' already exists.".formatted(id));
    }
    var assignment =
        new dev.lazurite.rbac.RoleAssignment(
            id, principalId, definition.id(), scope, clock.instant());
    identities.insertRoleAssignment(assignment);
    publish();
    return assignment;
  }

  public synchronized boolean deleteRoleAssignment(String id) {
    boolean deleted = identities.deleteRoleAssignment(id);
    publish();
    return deleted;
  }

  public synchronized void deleteAccount(Account account) {
    store.deleteAccount(account.name());
    publish();
  }

  public AccountKeys keys(Account account) {
    return store.keys(account.name());
  }

  /** Regenerates {@code key1} or {@code key2} (any case); the old key stops working at once. */
  public synchronized AccountKeys regenerateKey(Account account, String keyName) {
    String slot = keyName.toLowerCase(java.util.Locale.ROOT);
    if (!slot.equals("key1") && !slot.equals("key2")) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The keyName '%s' is invalid. Allowed values are 'Key1' and 'Key2'.".formatted(keyName));
    }
    store.updateKey(account.name(), slot, AccountKeys.newKey());
    publish();
    return store.keys(account.name());
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
  public synchronized boolean putDeployment(Account account, DeploymentRequest request) {
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
    Optional<Deployment> existing = store.deployment(account.name(), request.name());
    checkQuota(account, model.name(), sku, request.capacity(), existing);
    var deployment =
        new Deployment(
            account.name(),
            request.name(),
            new Deployment.ModelRef(model.format(), model.name(), model.version()),
            new Deployment.Sku(sku, request.capacity()),
            backend,
            request.raiPolicyName().isEmpty() ? "Microsoft.DefaultV2" : request.raiPolicyName(),
            request.versionUpgradeOption().isEmpty()
                ? "OnceNewDefaultVersionAvailable"
                : request.versionUpgradeOption(),
            existing.map(Deployment::createdAt).orElse(clock.instant()));
    store.upsertDeployment(deployment);
    publish();
    return existing.isEmpty();
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

  public synchronized boolean deleteDeployment(Account account, String name) {
    boolean deleted = store.deleteDeployment(account.name(), name);
    publish();
    return deleted;
  }

  /** Every pooled backend of the current snapshot, once each: what health probes visit. */
  public Collection<PoolMember> poolMembers() {
    return BackendPools.members(snapshots.get());
  }

  /** Marks a change in the store (other instances follow) and swaps in a snapshot of it. */
  public synchronized void publish() {
    rebuild(snapshots.nextVersion());
  }

  /** Rebuilds the runtime snapshot from the store as it is now, without marking a change. */
  public synchronized void reload() {
    rebuild(snapshots.storedVersion());
  }

  private void rebuild(long version) {
    Map<String, RuntimeSnapshot.KeyBinding> keys = new HashMap<>();
    Map<String, AccountRuntime> accounts = new HashMap<>();
    for (Account account : store.accounts()) {
      AccountKeys accountKeys = store.keys(account.name());
      bind(keys, account, "key1", accountKeys.key1());
      bind(keys, account, "key2", accountKeys.key2());
      Map<String, DeploymentRuntime> deployments = new HashMap<>();
      Map<String, NamedBackend> named = new HashMap<>();
      store.pools().backends(account.name()).forEach(b -> named.put(b.name(), b));
      Map<String, FilterPolicy> filters = FilterPolicies.of(store.rai(), account.name());
      for (Deployment d : store.deployments(account.name())) {
        List<PoolMember> pool =
            pools.pool(account.name(), store.pools().pool(account.name(), d.name()), named);
        ModelCatalog.find(d.model().name(), d.model().version())
            .ifPresent(
                spec ->
                    deployments.put(
                        d.name(),
                        new DeploymentRuntime(
                            d,
                            spec,
                            backends.backend(d.backend()),
                            pool,
                            filters.getOrDefault(d.raiPolicyName(), FilterPolicy.DEFAULT))));
      }
      accounts.put(
          account.name(),
          new AccountRuntime(account, Regions.displayName(account.location()), deployments));
    }
    snapshots.publish(
        new RuntimeSnapshot(
            version, keys, accounts, identities.roleAssignments(), store.privateEndpoints()));
  }

  private static void bind(
      Map<String, RuntimeSnapshot.KeyBinding> keys, Account account, String slot, String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    keys.put(
        RuntimeSnapshot.digest(bytes), new RuntimeSnapshot.KeyBinding(account.name(), slot, bytes));
  }

  private static BackendSpec defaultBackend(ModelSpec model) {
    return BackendSpec.of(
        model.name().equals(ModelCatalog.EMBEDDED_EMBEDDING_MODEL)
            ? BackendKind.EMBEDDED
            : BackendKind.SIMULATOR);
  }
}
