package dev.lazurite.portal.web;

import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.rbac.Permissions;
import dev.lazurite.rbac.RoleAssignment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The portal's RBAC: the admin credential is allowed everything; a user principal what the role
 * assignments of its object id and groups grant at a scope, as ARM decides it; a visitor nothing.
 */
public final class PortalAccess {
  private final Supplier<List<RoleAssignment>> assignments;
  private final String subscription;

  public PortalAccess(Supplier<List<RoleAssignment>> assignments, String subscription) {
    this.assignments = assignments;
    this.subscription = subscription;
  }

  /** The access of one principal. */
  public Bound of(PortalPrincipal principal) {
    return new Bound(principal);
  }

  /** The subscription's ARM id. */
  public String subscriptionScope() {
    return "/subscriptions/" + subscription;
  }

  public String groupScope(String group) {
    return subscriptionScope() + "/resourceGroups/" + group;
  }

  public String accountScope(String group, String account) {
    return groupScope(group) + "/providers/Microsoft.CognitiveServices/accounts/" + account;
  }

  /** One principal's access. */
  public final class Bound {
    private final PortalPrincipal principal;

    private Bound(PortalPrincipal principal) {
      this.principal = principal;
    }

    public boolean allows(String action, String scope) {
      return switch (principal) {
        case PortalPrincipal.Anonymous a -> false;
        case PortalPrincipal.Admin a -> true;
        case PortalPrincipal.User u -> {
          Set<String> assignees = new HashSet<>(u.groups());
          assignees.add(u.objectId());
          yield Permissions.allowsAction(assignments.get(), assignees, scope, action);
        }
      };
    }

    public PortalAccess scopes() {
      return PortalAccess.this;
    }
  }
}
