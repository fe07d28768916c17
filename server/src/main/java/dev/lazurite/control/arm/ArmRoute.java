package dev.lazurite.control.arm;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One route of the ARM adapter: an HTTP method ({@code *} for a route that checks methods itself),
 * the paths it serves, the RBAC action a caller needs at the path's scope (empty for a route that
 * authorizes each request itself), and the handler.
 */
public record ArmRoute(String method, PathPattern path, Optional<String> action, Handler handler) {
  public static final String ANY_METHOD = "*";

  public ArmRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(action, "action is null");
    requireNonNull(handler, "handler is null");
  }

  boolean serves(String requestMethod) {
    return method.equals(ANY_METHOD) || method.equals(requestMethod);
  }

  /** Answers one call; throws {@link dev.lazurite.error.ApiException} for ARM's errors. */
  @FunctionalInterface
  public interface Handler {
    ArmResponse handle(ArmCall call);
  }
}
