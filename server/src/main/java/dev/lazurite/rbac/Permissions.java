package dev.lazurite.rbac;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Azure RBAC evaluation: an assignment applies when its scope contains the resource (an ARM id
 * prefix on a segment boundary); its role allows an action when a pattern matches it, where {@code
 * *} stands for any run of characters, case-insensitively, unless one of its {@code notActions} (or
 * {@code notDataActions}) matches it too.
 */
public final class Permissions {
  private Permissions() {}

  public static boolean allowsDataAction(
      Collection<RoleAssignment> assignments,
      Set<String> principals,
      String resource,
      String dataAction) {
    return allows(
        assignments,
        principals,
        resource,
        dataAction,
        RoleDefinition::dataActions,
        RoleDefinition::notDataActions);
  }

  public static boolean allowsAction(
      Collection<RoleAssignment> assignments,
      Set<String> principals,
      String resource,
      String action) {
    return allows(
        assignments,
        principals,
        resource,
        action,
        RoleDefinition::actions,
        RoleDefinition::notActions);
  }

  private static boolean allows(
      Collection<RoleAssignment> assignments,
      Set<String> principals,
      String resource,
      String action,
      Function<RoleDefinition, List<String>> granted,
      Function<RoleDefinition, List<String>> excluded) {
    for (RoleAssignment assignment : assignments) {
      if (!principals.contains(assignment.principalId()) || !covers(assignment.scope(), resource)) {
        continue;
      }
      var role = BuiltInRoles.find(assignment.roleDefinitionId());
      if (role.isPresent()
          && granted.apply(role.get()).stream().anyMatch(p -> matches(p, action))
          && excluded.apply(role.get()).stream().noneMatch(p -> matches(p, action))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code scope} is {@code resource} or one of its ancestors. */
  public static boolean covers(String scope, String resource) {
    String s = trim(scope).toLowerCase(Locale.ROOT);
    String r = trim(resource).toLowerCase(Locale.ROOT);
    return s.equals("/") || r.equals(s) || r.startsWith(s + "/");
  }

  static boolean matches(String pattern, String action) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String a = action.toLowerCase(Locale.ROOT);
    return matchFrom(p, 0, a, 0);
  }

  private static boolean matchFrom(String p, int pi, String a, int ai) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = ai; k <= a.length(); k++) {
          if (matchFrom(p, pi + 1, a, k)) {
            return true;
          }
        }
        return false;
      }
      if (ai >= a.length() || a.charAt(ai) != c) {
        return false;
      }
      pi++;
      ai++;
    }
    return ai == a.length();
  }

  private static String trim(String scope) {
    return scope.endsWith("/") && scope.length() > 1
        ? scope.substring(0, scope.length() - 1)
        : scope;
  }
}
