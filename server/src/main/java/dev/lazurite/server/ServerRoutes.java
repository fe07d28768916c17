package dev.lazurite.server;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The shared listeners' route table: search, data plane, ARM, identity, each registered by its
 * capability's wiring. Health and the final 404 are the listeners' own.
 */
final class ServerRoutes {
  private ServerRoutes() {}

  static void routing(
      HttpRouting.Builder routing,
      DataPlaneWiring dataPlane,
      ControlWiring control,
      IdentityWiring identity,
      SearchWiring search) {
    routing.any(new CollapsedSlashes());
    search.routing(routing);
    dataPlane.routing(routing);
    control.routing(routing);
    identity.routing(routing);
  }

  /** Azure's 404 for a path nothing serves. */
  static void notFound(ServerRequest req, ServerResponse res) {
    res.status(Status.NOT_FOUND_404);
    res.header("Content-Type", "application/json");
    res.send(ErrorRenderer.render(ApiException.of(ErrorCode.RESOURCE_NOT_FOUND)));
  }
}
