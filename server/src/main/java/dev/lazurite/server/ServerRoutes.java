package dev.lazurite.server;

import dev.lazurite.control.ArmHandler;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.identity.IdentityAdminHandler;
import dev.lazurite.identity.TokenEndpoints;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.server.edge.Readiness;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The shared listeners' route table: data plane, ARM, identity, search, health. */
final class ServerRoutes {
  private ServerRoutes() {}

  static void routing(
      HttpRouting.Builder routing,
      DataPlaneHandler dataPlane,
      LateHandler arm,
      TokenEndpoints tokenEndpoints,
      IdentityAdminHandler identityAdmin,
      dev.lazurite.searchservice.SearchHandler search,
      Readiness readiness) {
    routing.any(new CollapsedSlashes());
    routing.any("/search/*", search);
    routing.any("/openai/*", dataPlane).any("/subscriptions", arm).any("/subscriptions/*", arm);
    routing.any("/" + ResourceEndpoints.PATH_PREFIX + "/*", dataPlane);
    identityAdmin.routing(routing);
    tokenEndpoints.routing(routing);
    routing.get("/metadata/endpoints", new dev.lazurite.control.arm.MetadataEndpoints());
    routing.get("/healthz", readiness).any(ServerRoutes::notFound);
  }

  /** Azure's 404 for a path nothing serves. */
  static void notFound(ServerRequest req, ServerResponse res) {
    res.status(Status.NOT_FOUND_404);
    res.header("Content-Type", "application/json");
    res.send(ErrorRenderer.render(ApiException.of(ErrorCode.RESOURCE_NOT_FOUND)));
  }

  /** The ARM handler needs the listener addresses, which exist only once the server started. */
  static final class LateHandler implements Handler {
    volatile ArmHandler handler;

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
      ArmHandler current = handler;
      if (current == null) {
        res.status(Status.SERVICE_UNAVAILABLE_503).send();
        return;
      }
      current.handle(req, res);
    }
  }
}
