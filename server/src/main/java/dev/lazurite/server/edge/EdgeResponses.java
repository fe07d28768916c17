package dev.lazurite.server.edge;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The request id and the one JSON and error writer the handlers share. */
public final class EdgeResponses {
  private static final io.helidon.http.HeaderName CONTENT_TYPE =
      io.helidon.http.HeaderNames.CONTENT_TYPE;

  private EdgeResponses() {}

  /** The id the edge gave this request (a UUID); handlers echo it in their own header names. */
  public static String requestId(ServerRequest request) {
    String id = EdgeRequest.of(request).id();
    return id.isEmpty() ? dev.lazurite.backend.Ids.requestId() : id;
  }

  /** Sends a JSON body. */
  public static void json(ServerResponse response, int status, byte[] body) {
    response.status(Status.create(status));
    response.header(CONTENT_TYPE, "application/json; charset=utf-8");
    response.send(body);
  }

  /** Sends an error in Azure's envelope, {@code {"error":{"code":…,"message":…}}}. */
  public static void error(ServerResponse response, int status, String code, String message) {
    json(response, status, TransportErrors.envelope(code, message));
  }

  /** Sends a refused body in Azure's envelope. */
  public static void error(ServerResponse response, BodyRejected rejected) {
    error(response, rejected.status(), rejected.code(), rejected.getMessage());
  }
}
