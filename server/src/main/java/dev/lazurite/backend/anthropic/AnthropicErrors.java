package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anthropic's errors as an Azure client expects them. Request errors keep Anthropic's message (it
 * describes the client's request); rate limits and overload become Azure's 429 with a {@code
 * Retry-After}, so that clients back off and pools fail over; refused credentials become a 502 that
 * names no key. The body reaching here has already passed the backend's redactor.
 */
final class AnthropicErrors {
  private static final Logger LOG = LoggerFactory.getLogger(AnthropicErrors.class);

  /** Seconds to wait when an overloaded upstream does not say. */
  static final String OVERLOADED_RETRY_AFTER = "1";

  private AnthropicErrors() {}

  /** An error answer ({@code {"type":"error","error":{"type":…,"message":…}}}). */
  static ApiException map(int status, byte[] body, String retryAfter) {
    JsonNode error = parse(body).path("error");
    return map(status, error.path("type").asText(""), error.path("message").asText(""), retryAfter);
  }

  /** An error event inside a stream, which carries no status. */
  static ApiException event(JsonNode event) {
    JsonNode error = event.path("error");
    return map(0, error.path("type").asText(""), error.path("message").asText(""), "");
  }

  static ApiException map(int status, String type, String message, String retryAfter) {
    LOG.warn("anthropic upstream answered {} {}: {}", status, type, message);
    String kind = type.isEmpty() ? typeOf(status) : type;
    return switch (kind) {
      case "invalid_request_error", "not_found_error", "request_too_large" ->
          ApiException.invalid(
              message.isEmpty() ? "The request was rejected by the model backend." : message,
              null,
              null);
      case "rate_limit_error" ->
          withRetryAfter(
              ApiException.of(
                  ErrorCode.UPSTREAM_RATE_LIMITED,
                  "The model backend's rate limit is exceeded. Please retry later."),
              retryAfter);
      case "overloaded_error" ->
          withRetryAfter(
              ApiException.of(
                  ErrorCode.UPSTREAM_RATE_LIMITED,
                  "The model backend is overloaded. Please retry later."),
              retryAfter.isEmpty() ? OVERLOADED_RETRY_AFTER : retryAfter);
      case "authentication_error", "permission_error" ->
          ApiException.of(
              ErrorCode.UPSTREAM_ERROR, "The model backend refused this deployment's credentials.");
      case "timeout_error" -> ApiException.of(ErrorCode.TIMEOUT);
      default -> ApiException.of(ErrorCode.INTERNAL);
    };
  }

  private static String typeOf(int status) {
    return switch (status) {
      case 400, 404, 413, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 408, 504 -> "timeout_error";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  private static ApiException withRetryAfter(ApiException e, String retryAfter) {
    return retryAfter.isEmpty() ? e : e.withHeaders(Map.of("Retry-After", retryAfter));
  }

  static ApiException failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return ApiException.of(ErrorCode.TIMEOUT);
      }
    }
    LOG.warn("anthropic upstream unreachable: {}", e.toString());
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend could not be reached.");
  }

  static ApiException broken(IOException e) {
    LOG.warn("anthropic upstream stream broke: {}", e.toString());
    return ApiException.of(
        ErrorCode.UPSTREAM_ERROR, "The model backend stream ended unexpectedly.");
  }

  static ApiException malformed() {
    LOG.warn("anthropic upstream answered a body that is not a message");
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend answered malformed JSON.");
  }

  private static JsonNode parse(byte[] body) {
    try {
      return Json.parse(body);
    } catch (IOException e) {
      return Json.MAPPER.missingNode();
    }
  }
}
