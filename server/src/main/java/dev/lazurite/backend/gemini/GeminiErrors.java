package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.translate.ErrorKind;
import dev.lazurite.backend.translate.ProviderErrors;
import dev.lazurite.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gemini's errors ({@code {"error":{"code":…,"message":…,"status":…,"details":[…]}}}, Google's
 * {@code google.rpc.Status}) as an Azure client expects them. Request errors keep Gemini's message
 * (it describes the client's request); {@code RESOURCE_EXHAUSTED} and {@code UNAVAILABLE} become
 * Azure's 429 with a {@code Retry-After} (the header, else the {@code RetryInfo} delay), so that
 * clients back off and pools fail over; refused keys ({@code UNAUTHENTICATED}, {@code
 * PERMISSION_DENIED}, or Gemini's 400 with reason {@code API_KEY_INVALID}) become a 502 that names
 * no key. The body reaching here has already passed the backend's redactor.
 */
final class GeminiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(GeminiErrors.class);

  /** Failures of the Gemini upstream, its error answers read by {@link #map}. */
  static final ProviderErrors UPSTREAM =
      new ProviderErrors("gemini", "a GenerateContentResponse", GeminiErrors::map);

  private GeminiErrors() {}

  static ApiException map(int status, byte[] body, String retryAfter) {
    JsonNode error = ProviderErrors.parse(body).path("error");
    return map(status, error, retryAfter);
  }

  /** An error object inside a stream, which carries no HTTP status of its own. */
  static ApiException event(JsonNode event) {
    JsonNode error = event.path("error");
    return map(error.path("code").asInt(0), error, "");
  }

  private static ApiException map(int status, JsonNode error, String retryAfter) {
    String message = error.path("message").asText("");
    String kind = error.path("status").asText("");
    kind = kind.isEmpty() ? statusOf(status) : kind;
    LOG.warn("gemini upstream answered {} {}: {}", status, kind, message);
    if (reason(error).equals("API_KEY_INVALID")) {
      kind = "UNAUTHENTICATED";
    }
    String wait = retryAfter.isEmpty() ? retryDelay(error) : retryAfter;
    return ProviderErrors.azure(kindOf(kind), message, wait);
  }

  private static ErrorKind kindOf(String status) {
    return switch (status) {
      case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "NOT_FOUND", "OUT_OF_RANGE" ->
          ErrorKind.INVALID;
      case "RESOURCE_EXHAUSTED" -> ErrorKind.RATE_LIMITED;
      case "UNAVAILABLE" -> ErrorKind.OVERLOADED;
      case "UNAUTHENTICATED", "PERMISSION_DENIED" -> ErrorKind.REFUSED;
      case "DEADLINE_EXCEEDED" -> ErrorKind.TIMEOUT;
      default -> ErrorKind.OTHER;
    };
  }

  private static String statusOf(int status) {
    return switch (status) {
      case 400, 413, 422 -> "INVALID_ARGUMENT";
      case 404 -> "NOT_FOUND";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 408, 504 -> "DEADLINE_EXCEEDED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> "INTERNAL";
    };
  }

  private static String reason(JsonNode error) {
    for (JsonNode detail : error.path("details")) {
      if (detail.path("@type").asText().endsWith("google.rpc.ErrorInfo")) {
        return detail.path("reason").asText("");
      }
    }
    return "";
  }

  /** {@code RetryInfo.retryDelay} ("37s", "1.5s") in whole seconds, rounded up; empty if none. */
  static String retryDelay(JsonNode error) {
    for (JsonNode detail : error.path("details")) {
      if (detail.path("@type").asText().endsWith("google.rpc.RetryInfo")) {
        String delay = detail.path("retryDelay").asText("");
        if (delay.endsWith("s")) {
          try {
            double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
            if (seconds >= 0 && seconds < 86_400) {
              return Long.toString((long) Math.ceil(seconds));
            }
          } catch (NumberFormatException e) {
            return "";
          }
        }
      }
    }
    return "";
  }
}
