package dev.lazurite.control;

import dev.lazurite.backend.BackendFactory;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.catalog.Catalog;
import dev.lazurite.control.event.ChangeOrigin;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.deployment.Deployment;
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

/**
 * The control plane: one service per resource family (accounts and keys, deployments and backend
 * pools, private endpoints, content filters), and the role assignments. The ARM adapter and the
 * command line are both clients of it. Every change is checked whole, stored, then published to the
 * data plane as a new runtime snapshot, so it takes effect for the next request; then each listener
 * hears one {@link ControlEvent}.
 */
public final class ControlPlane {
  /** What a service calls after each successful write: publish, then tell the listeners. */
  @FunctionalInterface
  interface Commits {
    void committed(String resourceId, ControlEvent.Operation operation);
  }

  private final ControlStore store;
  private final IdentityStore identities;
  private final BackendFactory backends;
  private final Snapshots snapshots;
  private final Clock clock;
  private final BackendPools pools;
  private final List<dev.lazurite.control.event.ControlEventListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ControlWrites writes;
  private final AccountService accounts;
  private final DeploymentService deployments;
  private final NetworkService network;
  private final ContentFilterService contentFilters;
  private final dev.lazurite.control.arm.DeletedAccounts deletedAccounts;
  private final List<java.util.function.LongConsumer> refreshes =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param latencyFailover time to first byte over which a pooled backend is tried last; zero for
   *     off
   */
  public ControlPlane(
      dev.lazurite.store.Store durable,
      BackendFactory backends,
      Snapshots snapshots,
      Clock clock,
      java.time.Duration latencyFailover) {
    this.pools = new BackendPools(backends, clock, latencyFailover);
    this.store = durable.control();
    this.identities = durable.identity();
    this.writes = new ControlWrites(durable::inTransaction);
    this.backends = backends;
    this.snapshots = snapshots;
    this.clock = clock;
    this.accounts = new AccountService(store, clock, writes, this::committed);
    this.deployments = new DeploymentService(store, clock, writes, this::committed, pools);
    this.network = new NetworkService(store, clock, writes, this::committed);
    this.contentFilters = new ContentFilterService(store, writes, this::committed);
    this.deletedAccounts =
        new dev.lazurite.control.arm.DeletedAccounts(store, identities, clock, this::publish);
  }

  /** Soft-deleted accounts: listed, restored and purged as Azure does. */
  public dev.lazurite.control.arm.DeletedAccounts deletedAccounts() {
    return deletedAccounts;
  }

  /** The identities role assignments may name. */
  public IdentityStore identityStore() {
    return identities;
  }

  /** Accounts and their keys. */
  public AccountService accountService() {
    return accounts;
  }

  /** The resource groups accounts are created in. */
  public dev.lazurite.control.group.ResourceGroupStore resourceGroups() {
    return store.resourceGroups();
  }

  /** Deployments, backends and pools, and quota. */
  public DeploymentService deploymentService() {
    return deployments;
  }

  /** Private endpoints. */
  public NetworkService networkService() {
    return network;
  }

  /** Content filter policies and blocklists. */
  public ContentFilterService contentFilterService() {
    return contentFilters;
  }

  /** The write path of the services that keep their own stores (identities, search services). */
  public dev.lazurite.control.event.ControlWriter writer() {
    return new dev.lazurite.control.event.ControlWriter() {
      @Override
      public <T> T write(java.util.function.Supplier<T> work) {
        return writes.run(work);
      }

      @Override
      public void committed(String resourceId, ControlEvent.Operation operation) {
        ControlPlane.this.committed(resourceId, operation);
      }

      @Override
      public void beforeEachSnapshot(java.util.function.LongConsumer refresh) {
        refreshes.add(refresh);
      }
    };
  }

  /** Adds a listener that hears each committed change, once, after it is published. */
  public void listen(dev.lazurite.control.event.ControlEventListener listener) {
    listeners.add(listener);
  }

  /** Publishes the stored state and tells the listener what changed, by whom, from where. */
  void committed(String resourceId, ControlEvent.Operation operation) {
    var event = event(resourceId, operation);
    // Inside a write the transaction has bumped the version: rebuild once it commits.
    boolean deferred =
        writes.afterCommit(
            () -> {
              reload();
              listeners.forEach(l -> l.changed(event));
            });
    if (!deferred) {
      publish();
      listeners.forEach(l -> l.changed(event));
    }
  }

  private ControlEvent event(String resourceId, ControlEvent.Operation operation) {
    var origin = ChangeOrigin.current();
    return new ControlEvent(
        resourceId, operation, origin.actor().id(), origin.clientAddress(), clock.instant());
  }

  public List<dev.lazurite.rbac.RoleAssignment> roleAssignments() {
    return identities.roleAssignments();
  }

  /** Grants a built-in role (by name or id) to a principal or group at a scope. */
  public dev.lazurite.rbac.RoleAssignment assignRole(
      String id, String principalId, String role, String scope) {
    return writes.run(
        () -> {
          var definition =
              dev.lazurite.rbac.BuiltInRoles.find(role)
                  .orElseThrow(
                      () ->
                          ApiException.of(
                              ErrorCode.ARM_INVALID_BODY,
                              "The role definition '%s' does not exist.".formatted(role)));
          if (!scope.startsWith("/subscriptions/")) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The scope '%s' is not a valid ARM scope.".formatted(scope));
          }
          if (identities.roleAssignments().stream().anyMatch(a -> a.id().equals(id))) {
            throw ApiException.of(
                ErrorCode.ARM_CONFLICT, "The role assignment '%s' already exists.".formatted(id));
          }
          var assignment =
              new dev.lazurite.rbac.RoleAssignment(
                  id, principalId, definition.id(), scope, clock.instant());
          identities.insertRoleAssignment(assignment);
          committed(
              scope + "/providers/Microsoft.Authorization/roleAssignments/" + id,
              ControlEvent.Operation.CREATE);
          return assignment;
        });
  }

  public boolean deleteRoleAssignment(String id) {
    return writes.run(
        () -> {
          var scope =
              identities.roleAssignments().stream()
                  .filter(a -> a.id().equals(id))
                  .map(dev.lazurite.rbac.RoleAssignment::scope)
                  .findFirst();
          boolean deleted = identities.deleteRoleAssignment(id);
          if (deleted) {
            committed(
                scope.orElse("") + "/providers/Microsoft.Authorization/roleAssignments/" + id,
                ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  // The operations of each service, kept here for the command line and the tests.

  public List<Account> accounts() {
    return accounts.accounts();
  }

  public Account account(String subscription, String resourceGroup, String name) {
    return accounts.account(subscription, resourceGroup, name);
  }

  public boolean createAccount(Account account) {
    return accounts.createAccount(account);
  }

  public AccountService.AccountWrite putAccount(
      String subscription, String resourceGroup, String name, AccountRequest request) {
    return accounts.putAccount(subscription, resourceGroup, name, request);
  }

  public Account updateAccount(Account account, AccountRequest request) {
    return accounts.updateAccount(account, request);
  }

  public Account setDisableLocalAuth(Account account, boolean disabled) {
    return accounts.setDisableLocalAuth(account, disabled);
  }

  public Account setNetwork(Account account, dev.lazurite.network.NetworkRules rules) {
    return accounts.setNetwork(account, rules);
  }

  public void deleteAccount(Account account) {
    deletedAccounts.keep(account);
    accounts.deleteAccount(account);
  }

  public AccountKeys keys(Account account) {
    return accounts.keys(account);
  }

  public AccountKeys regenerateKey(Account account, String keyName) {
    return accounts.regenerateKey(account, keyName);
  }

  public List<dev.lazurite.network.PrivateEndpoint> privateEndpoints(Account account) {
    return network.privateEndpoints(account);
  }

  public dev.lazurite.network.PrivateEndpoint createPrivateEndpoint(
      Account account,
      String name,
      String address,
      int port,
      java.util.Optional<dev.lazurite.network.Cidr> source) {
    return network.createPrivateEndpoint(account, name, address, port, source);
  }

  public boolean deletePrivateEndpoint(Account account, String name) {
    return network.deletePrivateEndpoint(account, name);
  }

  public List<NamedBackend> backends(Account account) {
    return deployments.backends(account);
  }

  public NamedBackend putBackend(
      Account account,
      String name,
      BackendSpec spec,
      String region,
      int priority,
      int weight,
      dev.lazurite.backend.FaultInjection faults,
      dev.lazurite.backend.BackendSecret secret) {
    return deployments.putBackend(account, name, spec, region, priority, weight, faults, secret);
  }

  public boolean deleteBackend(Account account, String name) {
    return deployments.deleteBackend(account, name);
  }

  public List<String> pool(Account account, String deployment) {
    return deployments.pool(account, deployment);
  }

  public void setPool(Account account, String deployment, List<String> names) {
    deployments.setPool(account, deployment, names);
  }

  public List<Deployment> deployments(Account account) {
    return deployments.deployments(account);
  }

  public Deployment deployment(Account account, String name) {
    return deployments.deployment(account, name);
  }

  public boolean putDeployment(Account account, DeploymentRequest request) {
    return deployments.putDeployment(account, request);
  }

  public boolean putDeployment(
      Account account, DeploymentRequest request, java.util.Optional<List<String>> pool) {
    return deployments.putDeployment(account, request, pool);
  }

  public boolean deleteDeployment(Account account, String name) {
    dev.lazurite.rbac.LiveScopes.dropAssignmentsAt(
        identities, account.armId() + "/deployments/" + name);
    return deployments.deleteDeployment(account, name);
  }

  /** Units (thousands of tokens per minute) each subscription gets per region, model and type. */
  public static final int DEFAULT_QUOTA_UNITS = DeploymentService.DEFAULT_QUOTA_UNITS;

  public static String quotaName(String model, String sku) {
    return DeploymentService.quotaName(model, sku);
  }

  public int quotaUsed(Account account, String model, String sku) {
    return deployments.quotaUsed(account, model, sku);
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
    var added = Catalog.loaded(store.models());
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
        Catalog.find(added, d.model().name(), d.model().version())
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
    refreshes.forEach(r -> r.accept(version));
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
}
