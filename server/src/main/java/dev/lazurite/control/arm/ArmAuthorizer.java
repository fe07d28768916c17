package dev.lazurite.control.arm;

/**
 * The caller's permission check: returns when its role assignments grant the action at the scope,
 * else throws ARM's 403 {@code AuthorizationFailed}.
 */
@FunctionalInterface
public interface ArmAuthorizer {
  void require(String action, String scope);
}
