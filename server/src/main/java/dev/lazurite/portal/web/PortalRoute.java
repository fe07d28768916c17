package dev.lazurite.portal.web;

import static java.util.Objects.requireNonNull;

import io.helidon.http.Method;

/**
 * One portal route: method, Helidon path pattern (path parameters {@code {group}} and {@code
 * {account}} name the resource whose scope RBAC checks), who may use it, and its handler.
 */
public record PortalRoute(Method method, String path, Access access, PortalHandler handler) {
  public PortalRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(access, "access is null");
    requireNonNull(handler, "handler is null");
    if (!path.startsWith("/portal")) {
      throw new IllegalArgumentException("portal routes live under /portal: " + path);
    }
  }

  public static PortalRoute get(String path, Access access, PortalHandler handler) {
    return new PortalRoute(Method.GET, path, access, handler);
  }

  public static PortalRoute post(String path, Access access, PortalHandler handler) {
    return new PortalRoute(Method.POST, path, access, handler);
  }
}
