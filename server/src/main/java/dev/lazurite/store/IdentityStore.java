package dev.lazurite.store;

import dev.lazurite.identity.Group;
import dev.lazurite.identity.ManagedIdentity;
import dev.lazurite.identity.ServicePrincipal;
import dev.lazurite.identity.User;
import dev.lazurite.rbac.RoleAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable identities, their secrets (hashed), groups and role assignments. */
public interface IdentityStore {
  void insertServicePrincipal(ServicePrincipal principal);

  Optional<ServicePrincipal> servicePrincipal(String appId);

  List<ServicePrincipal> servicePrincipals();

  void addClientSecret(String appId, String keyId, String hash, String hint);

  List<String> clientSecretHashes(String appId);

  /** The key ids of an app's client secrets, oldest first. */
  List<String> clientSecretIds(String appId);

  /** Removes one client secret; whether there was one. */
  boolean deleteClientSecret(String appId, String keyId);

  void insertManagedIdentity(ManagedIdentity identity, String headerHash);

  List<ManagedIdentity> managedIdentities();

  /** The identity whose header hashes to {@code headerHash}. */
  Optional<ManagedIdentity> managedIdentityByHeader(String headerHash);

  void insertGroup(Group group);

  List<Group> groups();

  void addGroupMember(String groupId, String memberId);

  List<String> groupsOf(String memberId);

  void insertRoleAssignment(RoleAssignment assignment);

  List<RoleAssignment> roleAssignments();

  boolean deleteRoleAssignment(String id);

  void insertUser(User user, String passwordHash);

  List<User> users();

  Optional<User> userByObjectId(String objectId);

  /** The user whose principal name is {@code userPrincipalName}, compared without case. */
  Optional<User> userByName(String userPrincipalName);

  /** The stored password hash of a user. */
  Optional<String> passwordHash(String objectId);

  boolean setPasswordHash(String objectId, String passwordHash);

  /** Removes a user and its group memberships; whether there was one. */
  boolean deleteUser(String objectId);

  /**
   * Records a one-time value as used, until it would expire anyway; false when it was used before
   * (on any instance). Expired records are dropped on the way.
   */
  boolean spend(String id, String kind, Instant expiresAt);

  /** Whether a one-time value is recorded as used. */
  boolean spent(String id);
}
