package dev.lazurite.control.arm;

import dev.lazurite.control.ArmCaller;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ARM request as a route sees it: who calls, the method, the values its path template named,
 * the path's segments, the body and the query.
 */
public record ArmCall(
    ArmCaller caller,
    String method,
    Map<String, String> values,
    List<String> segments,
    String scope,
    byte[] body,
    ServerRequest request) {
  public ArmCall {
    values = Map.copyOf(values);
    segments = List.copyOf(segments);
  }

  /** A value the route's path template names. */
  public String value(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("the route's template names no '" + name + "'");
    }
    return value;
  }

  public Optional<String> query(String name) {
    return request.query().first(name).asOptional();
  }

  /** The whole path, for ARM's "no registered provider" answer. */
  public String path() {
    return "/" + String.join("/", segments);
  }

  /** Refuses the request with ARM's 404 for a path no provider serves. */
  public ApiException pathNotFound() {
    return ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, path());
  }
}
