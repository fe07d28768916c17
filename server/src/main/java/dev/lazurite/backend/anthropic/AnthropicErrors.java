package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.translate.ErrorKind;
import dev.lazurite.backend.translate.ProviderErrors;
import dev.lazurite.error.ApiException;
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

  /** Failures of the Anthropic upstream, its error answers read by {@link #map}. */
  static final ProviderErrors UPSTREAM =
      new ProviderErrors("anthropic", "a message", AnthropicErrors::map);

  private AnthropicErrors() {}

  /** An error answer ({@code {"type":"error","error":{"type":…,"message":…}}}). */
  static ApiException map(int status, byte[] body, String retryAfter) {
    JsonNode error = ProviderErrors.parse(body).path("error");
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
    return ProviderErrors.azure(kindOf(kind), message, retryAfter);
  }

  private static ErrorKind kindOf(String type) {
    return switch (type) {
      case "invalid_request_error", "not_found_error", "request_too_large" -> ErrorKind.INVALID;
      case "rate_limit_error" -> ErrorKind.RATE_LIMITED;
      case "overloaded_error" -> ErrorKind.OVERLOADED;
      case "authentication_error", "permission_error" -> ErrorKind.REFUSED;
      case "timeout_error" -> ErrorKind.TIMEOUT;
      default -> ErrorKind.OTHER;
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
}
