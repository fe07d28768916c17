package dev.lazurite.server;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Maps a method and path under {@code /openai} to a data-plane route. Anything else, including a
 * known path with the wrong method, is Azure's 404 "Resource not found".
 */
final class RouteParser {
  private static final String DEPLOYMENTS = "/openai/deployments/";
  private static final String V1 = "/openai/v1/";

  private RouteParser() {}

  static Route parse(String method, String path, String apiVersion) {
    if (path.equals("/openai/models") && method.equals("GET")) {
      return new Route(Route.Style.DATED, Operation.LIST_MODELS, "", apiVersion);
    }
    if (path.startsWith(V1)) {
      Operation op = Operation.fromPath(path.substring(V1.length()));
      if (op != null && method.equals(op.needsDeployment() ? "POST" : "GET")) {
        return new Route(Route.Style.V1, op, "", apiVersion);
      }
    }
    if (path.startsWith(DEPLOYMENTS) && method.equals("POST")) {
      String rest = path.substring(DEPLOYMENTS.length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        Operation op = Operation.fromPath(rest.substring(slash + 1));
        if (op != null && op.needsDeployment()) {
          String deployment = URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
          return new Route(Route.Style.DATED, op, deployment, apiVersion);
        }
      }
    }
    throw ApiException.of(ErrorCode.RESOURCE_NOT_FOUND);
  }
}
