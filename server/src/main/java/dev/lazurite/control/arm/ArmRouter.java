package dev.lazurite.control.arm;

import dev.lazurite.control.ArmCaller;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ARM route table. A request goes to the first route whose path and method match; a path some
 * route serves under another method answers 405, a path no route serves answers ARM's 404. The
 * route's RBAC action is checked at the path's scope before its handler runs.
 */
public final class ArmRouter {
  private final List<ArmRoute> routes = new ArrayList<>();

  /** Adds a route whose caller needs {@code action} at the scope of the path. */
  public ArmRouter route(String method, String template, String action, ArmRoute.Handler handler) {
    return add(new ArmRoute(method, PathTemplate.of(template), Optional.of(action), handler));
  }

  /** Adds a route whose caller needs {@code action} at {@code scope}, a prefix of the template. */
  public ArmRouter route(
      String method, String template, String scope, String action, ArmRoute.Handler handler) {
    return add(
        new ArmRoute(method, PathTemplate.of(template, scope), Optional.of(action), handler));
  }

  /** Adds a route that authorizes each request itself (or needs no authorization). */
  public ArmRouter open(String method, PathPattern path, ArmRoute.Handler handler) {
    return add(new ArmRoute(method, path, Optional.empty(), handler));
  }

  public ArmRouter add(ArmRoute route) {
    routes.add(route);
    return this;
  }

  public ArmResponse dispatch(
      ArmCaller caller, String method, List<String> segments, byte[] body, ServerRequest request) {
    boolean pathServed = false;
    for (ArmRoute route : routes) {
      Optional<Map<String, String>> values = route.path().match(segments);
      if (values.isEmpty()) {
        continue;
      }
      pathServed = true;
      if (!route.serves(method)) {
        continue;
      }
      String scope = route.path().scope(segments);
      route.action().ifPresent(action -> caller.require(action, scope));
      return route
          .handler()
          .handle(new ArmCall(caller, method, values.get(), segments, scope, body, request));
    }
    if (pathServed) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
    throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "/" + String.join("/", segments));
  }
}
