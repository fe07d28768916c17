package dev.lazurite.portal.session;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who holds a portal session: nobody yet (the sign-in form), the admin credential's holder (every
 * right), or a user principal of the identity service whose role assignments decide what it may see
 * and change.
 */
public sealed interface PortalPrincipal {
  /** The name the pages show. */
  String displayName();

  /** A visitor who has not signed in: may see the sign-in page and nothing else. */
  record Anonymous() implements PortalPrincipal {
    @Override
    public String displayName() {
      return "";
    }
  }

  /** Signed in with the admin credential. */
  record Admin() implements PortalPrincipal {
    @Override
    public String displayName() {
      return "Administrator";
    }
  }

  /**
   * A user principal: its object id and the groups it belongs to are the assignees RBAC checks.
   *
   * @param objectId the principal's object id in the identity service
   * @param groups object ids of the groups it belongs to
   */
  record User(String objectId, String name, Set<String> groups) implements PortalPrincipal {
    public User {
      requireNonNull(objectId, "objectId is null");
      requireNonNull(name, "name is null");
      groups = Set.copyOf(groups);
    }

    @Override
    public String displayName() {
      return name;
    }
  }
}
