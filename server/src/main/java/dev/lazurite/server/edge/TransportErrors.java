package dev.lazurite.server.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.nio.charset.StandardCharsets;

/**
 * Answers the errors Helidon finds before any handler runs (a malformed request line or header, a
 * request line or header section over its limit) in Azure's error envelope, and closes the
 * connection, since the rest of such a request cannot be trusted to be framed.
 */
final class TransportErrors {
  static final byte[] SHED_RESPONSE = shedResponse();

  private TransportErrors() {}

  static DirectHandlers handlers() {
    DirectHandler handler = TransportErrors::handle;
    var builder = DirectHandlers.builder();
    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
      builder.addHandler(type, handler);
    }
    return builder.build();
  }

  private static DirectHandler.TransportResponse handle(
      DirectHandler.TransportRequest request,
      DirectHandler.EventType type,
      Status status,
      ServerResponseHeaders headers,
      String message) {
    return DirectHandler.TransportResponse.builder()
        .status(status)
        .headers(headers)
        .header(HeaderValues.CONTENT_TYPE_JSON)
        .keepAlive(false)
        .entity(body(status))
        .build();
  }

  /** Fixed texts: request data is never echoed back. */
  static byte[] body(Status status) {
    String[] codeAndMessage =
        switch (status.code()) {
          case 413 -> new String[] {"RequestEntityTooLarge", "The request body is too large."};
          case 414 -> new String[] {"RequestUriTooLong", "The request line is too long."};
          case 431 ->
              new String[] {"RequestHeaderFieldsTooLarge", "The request headers are too large."};
          case 503 ->
              new String[] {"ServiceUnavailable", "The server is busy. Please retry later."};
          case 505 -> new String[] {"HttpVersionNotSupported", "Use HTTP/1.1, HTTP/2 or HTTP/1.0."};
          default ->
              status.code() >= 500
                  ? new String[] {"InternalServerError", "The server could not read the request."}
                  : new String[] {"BadRequest", "The request is not valid HTTP."};
        };
    return envelope(codeAndMessage[0], codeAndMessage[1]);
  }

  /** Azure's error envelope: {@code {"error":{"code":…,"message":…}}}. */
  static byte[] envelope(String code, String message) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("error").put("code", code).put("message", message);
    return Json.write(root);
  }

  private static byte[] shedResponse() {
    byte[] body = body(Status.SERVICE_UNAVAILABLE_503);
    String head =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            + "Retry-After: 1\r\nConnection: close\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }
}
