package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what an upstream answered into the errors an Azure client expects. The upstream's own
 * message is kept for request errors (they describe the client's request); credentials, URLs and
 * stack traces of the upstream never reach the client.
 */
final class UpstreamErrors {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamErrors.class);

  private UpstreamErrors() {}

  static ApiException map(int status, byte[] body, String retryAfter) {
    ApiException mapped = map(status, body);
    return retryAfter.isEmpty()
        ? mapped
        : mapped.withHeaders(java.util.Map.of("Retry-After", retryAfter));
  }

  static ApiException map(int status, byte[] body) {
    String message = message(body);
    LOG.warn("upstream answered {}: {}", status, message);
    return switch (status) {
      case 400, 404, 413, 422 -> {
        JsonNode error = parseOrNull(body).path("error");
        yield ApiException.invalid(
            message.isEmpty() ? "The request was rejected by the model backend." : message,
            error.path("param").isTextual() ? error.path("param").asText() : null,
            error.path("code").isTextual() ? error.path("code").asText() : null);
      }
      case 408 -> ApiException.of(ErrorCode.TIMEOUT);
      case 429 ->
          ApiException.of(
              ErrorCode.UPSTREAM_RATE_LIMITED,
              message.isEmpty() ? "Rate limit is exceeded. Try again later." : message);
      case 401, 403 ->
          ApiException.of(
              ErrorCode.UPSTREAM_ERROR, "The model backend refused this deployment's credentials.");
      default -> ApiException.of(ErrorCode.INTERNAL);
    };
  }

  static ApiException timeout() {
    return ApiException.of(ErrorCode.TIMEOUT);
  }

  static ApiException unreachable(IOException e) {
    LOG.warn("model backend unreachable: {}", e.toString());
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend could not be reached.");
  }

  static ApiException broken(IOException e) {
    LOG.warn("model backend stream broke: {}", e.toString());
    return ApiException.of(
        ErrorCode.UPSTREAM_ERROR, "The model backend stream ended unexpectedly.");
  }

  /** A complete answer that is not one JSON object. */
  static ApiException malformed() {
    LOG.warn("model backend answered a body that is not a JSON object");
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend answered malformed JSON.");
  }

  private static JsonNode parseOrNull(byte[] body) {
    try {
      return Json.parse(body);
    } catch (IOException e) {
      return Json.MAPPER.missingNode();
    }
  }

  private static String message(byte[] body) {
    JsonNode node = parseOrNull(body);
    JsonNode message = node.path("error").path("message");
    if (message.isTextual()) {
      return message.asText();
    }
    return node.path("message").asText("");
  }
}
