package dev.lazurite.control;

import dev.lazurite.auth.Principal;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.rbac.Permissions;
import dev.lazurite.rbac.RoleAssignment;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who is calling the control plane: the local admin (allowed everything), or a token caller whose
 * role assignments must grant each action at its scope, else ARM's 403 AuthorizationFailed.
 */
public sealed interface ArmCaller {
  void require(String action, String scope);

  /** Who the caller is, as ARM's {@code systemData} and control events name it. */
  AccountMetadata.Actor actor();

  record Admin() implements ArmCaller {
    @Override
    public void require(String action, String scope) {}

    @Override
    public AccountMetadata.Actor actor() {
      return AccountMetadata.Actor.ADMIN;
    }
  }

  record Entra(Principal.Entra principal, Supplier<List<RoleAssignment>> assignments)
      implements ArmCaller {
    /** The token's principal (its object id); tokens this server issues are applications'. */
    @Override
    public AccountMetadata.Actor actor() {
      return new AccountMetadata.Actor(principal.objectId(), "Application");
    }

    @Override
    public void require(String action, String scope) {
      if (!Permissions.allowsAction(assignments.get(), principal.assignees(), scope, action)) {
        throw ApiException.of(
            ErrorCode.ARM_AUTHORIZATION_FAILED,
            principal.appId(),
            principal.objectId(),
            action,
            scope);
      }
    }
  }
}
