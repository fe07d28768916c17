package dev.lazurite.rbac;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A role: what it allows on the control plane ({@code actions}) and the data plane. */
public record RoleDefinition(
    String id,
    String roleName,
    String description,
    List<String> actions,
    List<String> dataActions) {
  public RoleDefinition {
    requireNonNull(id, "id is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(description, "description is null");
    actions = List.copyOf(actions);
    dataActions = List.copyOf(dataActions);
  }
}
