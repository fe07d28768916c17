package dev.lazurite.rbac;

import dev.lazurite.identity.Group;
import dev.lazurite.identity.ManagedIdentity;
import dev.lazurite.identity.ServicePrincipal;
import dev.lazurite.store.IdentityStore;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The principals a role assignment may name: service principals, managed identities, users and
 * groups of the identity store, by object id.
 */
public final class PrincipalDirectory {
  private static final Pattern GUID =
      Pattern.compile(
          "^\\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\}?$");

  private final IdentityStore identities;

  public PrincipalDirectory(IdentityStore identities) {
    this.identities = identities;
  }

  /** Whether {@code value} is a GUID in one of the forms Azure accepts (with or without dashes). */
  public static boolean isGuid(String value) {
    return GUID.matcher(value).matches();
  }

  /** The GUID in its 32-digit form, as Azure names a principal in its messages. */
  public static String compact(String guid) {
    return guid.replace("-", "").replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
  }

  /** The GUID in its canonical dashed lower-case form. */
  public static String canonical(String guid) {
    String hex = compact(guid);
    return UUID.fromString(
            "%s-%s-%s-%s-%s"
                .formatted(
                    hex.substring(0, 8),
                    hex.substring(8, 12),
                    hex.substring(12, 16),
                    hex.substring(16, 20),
                    hex.substring(20)))
        .toString();
  }

  /** The principal and the groups it is a member of. */
  public java.util.Set<String> withGroups(String objectId) {
    var ids = new java.util.HashSet<>(identities.groupsOf(objectId));
    ids.add(objectId);
    return ids;
  }

  /** Whether a service principal, managed identity, user or group has this object id. */
  public boolean knows(String objectId) {
    String wanted = compact(objectId);
    return Stream.of(
            identities.servicePrincipals().stream().map(ServicePrincipal::objectId),
            identities.managedIdentities().stream().map(ManagedIdentity::principalId),
            identities.groups().stream().map(Group::objectId),
            identities.users().stream().map(dev.lazurite.identity.User::objectId))
        .flatMap(s -> s)
        .anyMatch(id -> compact(id).equals(wanted));
  }
}
