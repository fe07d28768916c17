package dev.lazurite.rbac;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A role: what it allows on the control plane ({@code actions} less {@code notActions}) and the
 * data plane ({@code dataActions} less {@code notDataActions}).
 */
public record RoleDefinition(
    String id,
    String roleName,
    String description,
    List<String> actions,
    List<String> notActions,
    List<String> dataActions,
    List<String> notDataActions) {
  public RoleDefinition {
    requireNonNull(id, "id is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(description, "description is null");
    actions = List.copyOf(actions);
    notActions = List.copyOf(notActions);
    dataActions = List.copyOf(dataActions);
    notDataActions = List.copyOf(notDataActions);
  }

  /** A role that excludes nothing from what it grants. */
  public RoleDefinition(
      String id,
      String roleName,
      String description,
      List<String> actions,
      List<String> dataActions) {
    this(id, roleName, description, actions, List.of(), dataActions, List.of());
  }
}
