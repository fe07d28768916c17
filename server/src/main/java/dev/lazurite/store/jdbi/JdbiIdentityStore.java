package dev.lazurite.store.jdbi;

import dev.lazurite.identity.Group;
import dev.lazurite.identity.ManagedIdentity;
import dev.lazurite.identity.ServicePrincipal;
import dev.lazurite.identity.User;
import dev.lazurite.rbac.RoleAssignment;
import dev.lazurite.store.IdentityStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Identities, groups and role assignments, in the SQL store. */
final class JdbiIdentityStore implements IdentityStore {
  private static final RowMapper<ServicePrincipal> PRINCIPAL =
      (rs, ctx) ->
          new ServicePrincipal(
              rs.getString("app_id"),
              rs.getString("object_id"),
              rs.getString("display_name"),
              Instant.parse(rs.getString("created_at")));
  private static final RowMapper<ManagedIdentity> IDENTITY =
      (rs, ctx) ->
          new ManagedIdentity(
              rs.getString("name"),
              rs.getString("client_id"),
              rs.getString("principal_id"),
              Instant.parse(rs.getString("created_at")));
  private static final RowMapper<RoleAssignment> ASSIGNMENT =
      (rs, ctx) ->
          new RoleAssignment(
              rs.getString("id"),
              rs.getString("principal_id"),
              rs.getString("role_definition_id"),
              rs.getString("scope"),
              Instant.parse(rs.getString("created_at")));

  private static final RowMapper<User> USER =
      (rs, ctx) ->
          new User(
              rs.getString("object_id"),
              rs.getString("user_principal_name"),
              rs.getString("display_name"),
              Instant.parse(rs.getString("created_at")));

  private final Jdbi jdbi;

  JdbiIdentityStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insertServicePrincipal(ServicePrincipal p) {
    update(
        "INSERT INTO service_principals (app_id, object_id, display_name, created_at) VALUES (?, ?, ?, ?)",
        p.appId(),
        p.objectId(),
        p.displayName(),
        p.createdAt().toString());
  }

  @Override
  public Optional<ServicePrincipal> servicePrincipal(String appId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM service_principals WHERE app_id = ?")
                .bind(0, appId)
                .map(PRINCIPAL)
                .findOne());
  }

  @Override
  public List<ServicePrincipal> servicePrincipals() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM service_principals ORDER BY display_name")
                .map(PRINCIPAL)
                .list());
  }

  @Override
  public void addClientSecret(String appId, String keyId, String hash, String hint) {
    update(
        "INSERT INTO client_secrets (app_id, key_id, hash, hint, created_at) VALUES (?, ?, ?, ?, ?)",
        appId,
        keyId,
        hash,
        hint,
        Instant.now().toString());
  }

  @Override
  public List<String> clientSecretHashes(String appId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT hash FROM client_secrets WHERE app_id = ?")
                .bind(0, appId)
                .mapTo(String.class)
                .list());
  }

  @Override
  public List<String> clientSecretIds(String appId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT key_id FROM client_secrets WHERE app_id = ? ORDER BY created_at, key_id")
                .bind(0, appId)
                .mapTo(String.class)
                .list());
  }

  @Override
  public boolean deleteClientSecret(String appId, String keyId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM client_secrets WHERE app_id = ? AND key_id = ?")
                    .bind(0, appId)
                    .bind(1, keyId)
                    .execute()
                > 0);
  }

  @Override
  public void insertManagedIdentity(ManagedIdentity m, String headerHash) {
    update(
        "INSERT INTO managed_identities (name, client_id, principal_id, header_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        m.name(),
        m.clientId(),
        m.principalId(),
        headerHash,
        m.createdAt().toString());
  }

  @Override
  public List<ManagedIdentity> managedIdentities() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM managed_identities ORDER BY name").map(IDENTITY).list());
  }

  @Override
  public Optional<ManagedIdentity> managedIdentityByHeader(String headerHash) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM managed_identities WHERE header_hash = ?")
                .bind(0, headerHash)
                .map(IDENTITY)
                .findOne());
  }

  @Override
  public void insertGroup(Group g) {
    update(
        "INSERT INTO identity_groups (object_id, display_name, created_at) VALUES (?, ?, ?)",
        g.objectId(),
        g.displayName(),
        g.createdAt().toString());
  }

  @Override
  public List<Group> groups() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM identity_groups ORDER BY display_name")
                .map(
                    (rs, ctx) ->
                        new Group(
                            rs.getString("object_id"),
                            rs.getString("display_name"),
                            Instant.parse(rs.getString("created_at"))))
                .list());
  }

  @Override
  public void addGroupMember(String groupId, String memberId) {
    update(
        "INSERT INTO group_members (group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        groupId,
        memberId);
  }

  @Override
  public List<String> groupsOf(String memberId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT group_id FROM group_members WHERE member_id = ? ORDER BY group_id")
                .bind(0, memberId)
                .mapTo(String.class)
                .list());
  }

  @Override
  public void insertRoleAssignment(RoleAssignment a) {
    update(
        "INSERT INTO role_assignments (id, principal_id, role_definition_id, scope, created_at) VALUES (?, ?, ?, ?, ?)",
        a.id(),
        a.principalId(),
        a.roleDefinitionId(),
        a.scope(),
        a.createdAt().toString());
  }

  @Override
  public List<RoleAssignment> roleAssignments() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM role_assignments ORDER BY created_at, id")
                .map(ASSIGNMENT)
                .list());
  }

  @Override
  public boolean deleteRoleAssignment(String id) {
    return jdbi.withHandle(
        h -> h.createUpdate("DELETE FROM role_assignments WHERE id = ?").bind(0, id).execute() > 0);
  }

  @Override
  public void insertUser(User u, String passwordHash) {
    update(
        "INSERT INTO users (object_id, user_principal_name, display_name, password_hash, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        u.objectId(),
        u.userPrincipalName(),
        u.displayName(),
        passwordHash,
        u.createdAt().toString());
  }

  @Override
  public List<User> users() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM users ORDER BY user_principal_name").map(USER).list());
  }

  @Override
  public Optional<User> userByObjectId(String objectId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE object_id = ?")
                .bind(0, objectId)
                .map(USER)
                .findOne());
  }

  @Override
  public Optional<User> userByName(String userPrincipalName) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE lower(user_principal_name) = lower(?)")
                .bind(0, userPrincipalName)
                .map(USER)
                .findOne());
  }

  @Override
  public Optional<String> passwordHash(String objectId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_hash FROM users WHERE object_id = ?")
                .bind(0, objectId)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public boolean setPasswordHash(String objectId, String passwordHash) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("UPDATE users SET password_hash = ? WHERE object_id = ?")
                    .bind(0, passwordHash)
                    .bind(1, objectId)
                    .execute()
                > 0);
  }

  @Override
  public boolean deleteUser(String objectId) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate("DELETE FROM group_members WHERE member_id = ?")
              .bind(0, objectId)
              .execute();
          return h.createUpdate("DELETE FROM users WHERE object_id = ?").bind(0, objectId).execute()
              > 0;
        });
  }

  @Override
  public boolean spend(String id, String kind, Instant expiresAt) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate("DELETE FROM spent_ids WHERE expires_at < ?")
              .bind(0, Instant.now().getEpochSecond())
              .execute();
          return h.createUpdate(
                      "INSERT INTO spent_ids (id, kind, expires_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT DO NOTHING")
                  .bind(0, id)
                  .bind(1, kind)
                  .bind(2, expiresAt.getEpochSecond())
                  .execute()
              > 0;
        });
  }

  @Override
  public boolean spent(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM spent_ids WHERE id = ?")
                    .bind(0, id)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private void update(String sql, Object... values) {
    jdbi.useHandle(
        h -> {
          var statement = h.createUpdate(sql);
          for (int i = 0; i < values.length; i++) {
            statement.bind(i, values[i]);
          }
          statement.execute();
        });
  }
}
