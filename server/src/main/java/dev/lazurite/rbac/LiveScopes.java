package dev.lazurite.rbac;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.store.IdentityStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a role assignment's scope still names something: an account, a deployment or a search
 * service that was deleted takes the assignments made at it (and below it) out of lists and out of
 * force. Subscriptions, resource groups and resources of other providers always count as live.
 */
public final class LiveScopes {
  private final ControlPlane control;
  private final Function<String, Optional<SearchService>> searchService;

  /**
   * @param searchService a search service by name
   */
  public LiveScopes(ControlPlane control, Function<String, Optional<SearchService>> searchService) {
    this.control = control;
    this.searchService = searchService;
  }

  /** Deletes the role assignments at a resource that goes away, and those below it. */
  public static void dropAssignmentsAt(IdentityStore identities, String resource) {
    identities.roleAssignments().stream()
        .filter(a -> Permissions.covers(resource, a.scope()))
        .forEach(a -> identities.deleteRoleAssignment(a.id()));
  }

  /** The assignments whose scope is live. */
  public List<RoleAssignment> live(List<RoleAssignment> assignments) {
    var lookup = new Lookup(control.accounts());
    return assignments.stream().filter(a -> lookup.live(a.scope())).toList();
  }

  /** One evaluation's view of the accounts, with each account's deployments read once. */
  private final class Lookup {
    private final List<Account> accounts;
    private final Map<String, Set<String>> deployments = new HashMap<>();

    Lookup(List<Account> accounts) {
      this.accounts = accounts;
    }

    boolean live(String scope) {
      List<String> p = Arrays.stream(scope.split("/")).filter(s -> !s.isEmpty()).toList();
      if (p.size() < 8
          || !is(p, 0, "subscriptions")
          || !is(p, 2, "resourcegroups")
          || !is(p, 4, "providers")) {
        return true;
      }
      String sub = p.get(1);
      String group = p.get(3);
      String type = (p.get(5) + "/" + p.get(6)).toLowerCase(Locale.ROOT);
      String name = p.get(7);
      return switch (type) {
        case "microsoft.cognitiveservices/accounts" -> liveAccount(sub, group, name, p);
        case "microsoft.search/searchservices" ->
            searchService
                .apply(name)
                .filter(s -> s.subscription().equalsIgnoreCase(sub))
                .filter(s -> s.resourceGroup().equalsIgnoreCase(group))
                .isPresent();
        default -> true;
      };
    }

    private boolean liveAccount(String sub, String group, String name, List<String> p) {
      Optional<Account> account =
          accounts.stream()
              .filter(a -> a.name().equalsIgnoreCase(name))
              .filter(a -> a.subscriptionId().equalsIgnoreCase(sub))
              .filter(a -> a.resourceGroup().equalsIgnoreCase(group))
              .findFirst();
      if (account.isEmpty()) {
        return false;
      }
      if (p.size() >= 10 && is(p, 8, "deployments")) {
        return deployments
            .computeIfAbsent(
                account.get().name(),
                a ->
                    control.deployments(account.get()).stream()
                        .map(d -> d.name())
                        .collect(java.util.stream.Collectors.toSet()))
            .contains(p.get(9));
      }
      return true;
    }
  }

  private static boolean is(List<String> path, int index, String lowerCase) {
    return path.get(index).toLowerCase(Locale.ROOT).equals(lowerCase);
  }
}
