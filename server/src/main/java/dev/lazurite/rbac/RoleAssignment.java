package dev.lazurite.rbac;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A role granted to a principal or group at a scope (a subscription, resource group, account or
 * deployment ARM id).
 */
public record RoleAssignment(
    String id, String principalId, String roleDefinitionId, String scope, Instant createdAt) {
  public RoleAssignment {
    requireNonNull(id, "id is null");
    requireNonNull(principalId, "principalId is null");
    requireNonNull(roleDefinitionId, "roleDefinitionId is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
