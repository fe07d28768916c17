package dev.lazurite.control;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.safety.Blocklist;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.store.ControlStore;
import java.util.List;

/**
 * An account's content filter policies and custom blocklists. Each write checks what it depends on
 * (a policy's blocklists exist; a policy or blocklist in use is not deleted), writes, then
 * publishes once, so the data plane filters with it from the next request.
 */
public final class ContentFilterService {
  private final ControlStore store;
  private final ControlWrites writes;
  private final ControlPlane.Commits commits;

  ContentFilterService(ControlStore store, ControlWrites writes, ControlPlane.Commits commits) {
    this.store = store;
    this.writes = writes;
    this.commits = commits;
  }

  /** Creates or replaces a policy; returns true when it was created. */
  public boolean putPolicy(Account account, RaiPolicy policy) {
    return writes.run(
        () -> {
          for (var ref : policy.customBlocklists()) {
            if (store.rai().blocklist(account.name(), ref.blocklistName()).isEmpty()) {
              throw ApiException.of(
                  ErrorCode.ARM_INVALID_BODY,
                  "The custom blocklist '"
                      + ref.blocklistName()
                      + "' does not exist on this resource.");
            }
          }
          boolean created = store.rai().putPolicy(account.name(), policy);
          commits.committed(
              policyId(account, policy.name()),
              created ? ControlEvent.Operation.CREATE : ControlEvent.Operation.UPDATE);
          return created;
        });
  }

  /** Deletes a policy no deployment uses; a built-in policy cannot be deleted. */
  public boolean deletePolicy(Account account, String name) {
    return writes.run(
        () -> {
          if (RaiPolicy.isBuiltIn(name)) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_BODY,
                "The built-in policy '" + name + "' cannot be deleted.");
          }
          List<String> users =
              store.deployments(account.name()).stream()
                  .filter(d -> d.raiPolicyName().equals(name))
                  .map(d -> d.name())
                  .toList();
          if (!users.isEmpty()) {
            throw ApiException.of(
                ErrorCode.ARM_CONFLICT,
                "The RAI policy '"
                    + name
                    + "' is used by the deployments "
                    + users
                    + "; change their raiPolicyName first.");
          }
          boolean deleted = store.rai().deletePolicy(account.name(), name);
          if (deleted) {
            commits.committed(policyId(account, name), ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  /** Creates a blocklist or changes its description; returns true when it was created. */
  public boolean putBlocklist(Account account, String name, String description) {
    return writes.run(
        () -> {
          boolean created = store.rai().putBlocklist(account.name(), name, description);
          commits.committed(
              blocklistId(account, name),
              created ? ControlEvent.Operation.CREATE : ControlEvent.Operation.UPDATE);
          return created;
        });
  }

  /** Deletes a blocklist no policy uses. */
  public boolean deleteBlocklist(Account account, String name) {
    return writes.run(
        () -> {
          List<String> users =
              store.rai().policies(account.name()).stream()
                  .filter(
                      x ->
                          x.customBlocklists().stream()
                              .anyMatch(b -> b.blocklistName().equals(name)))
                  .map(RaiPolicy::name)
                  .toList();
          if (!users.isEmpty()) {
            throw ApiException.of(
                ErrorCode.ARM_CONFLICT,
                "The blocklist '"
                    + name
                    + "' is used by the RAI policies "
                    + users
                    + "; remove it from them first.");
          }
          boolean deleted = store.rai().deleteBlocklist(account.name(), name);
          if (deleted) {
            commits.committed(blocklistId(account, name), ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  /** Creates or replaces one item; returns true when it was created. */
  public boolean putItem(Account account, Blocklist list, Blocklist.Item item) {
    return writes.run(
        () -> {
          boolean created = store.rai().putItem(account.name(), list.name(), item);
          commits.committed(
              itemId(account, list, item.name()),
              created ? ControlEvent.Operation.CREATE : ControlEvent.Operation.UPDATE);
          return created;
        });
  }

  /** Stores checked items together and publishes them once. */
  public void addItems(Account account, Blocklist list, List<Blocklist.Item> items) {
    writes.run(
        () -> {
          items.forEach(i -> store.rai().putItem(account.name(), list.name(), i));
          commits.committed(blocklistId(account, list.name()), ControlEvent.Operation.ACTION);
          return null;
        });
  }

  public boolean deleteItem(Account account, Blocklist list, String name) {
    return writes.run(
        () -> {
          boolean deleted = store.rai().deleteItem(account.name(), list.name(), name);
          if (deleted) {
            commits.committed(itemId(account, list, name), ControlEvent.Operation.DELETE);
          }
          return deleted;
        });
  }

  private static String policyId(Account account, String name) {
    return account.armId() + "/raiPolicies/" + name;
  }

  private static String blocklistId(Account account, String name) {
    return account.armId() + "/raiBlocklists/" + name;
  }

  private static String itemId(Account account, Blocklist list, String name) {
    return blocklistId(account, list.name()) + "/raiBlocklistItems/" + name;
  }
}
