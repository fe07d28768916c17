package dev.lazurite.backend.translate;

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
 * One provider's upstream failures as Azure errors: its error answers (through the provider's
 * {@link Mapper}), an upstream that cannot be reached, a stream that breaks, and a body that is not
 * what the provider should send. Messages name no key; bodies reaching here have already passed the
 * backend's redactor.
 *
 * @param provider the provider's name in log lines
 * @param expected what a good answer is, in log lines ("a message")
 * @param mapper the provider's reading of an error answer
 */
public record ProviderErrors(String provider, String expected, Mapper mapper) {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderErrors.class);

  /** Seconds to wait when an overloaded upstream does not say. */
  public static final String OVERLOADED_RETRY_AFTER = "1";

  /** Reads an error answer's status, redacted body and {@code Retry-After} ("" if none). */
  @FunctionalInterface
  public interface Mapper {
    ApiException map(int status, byte[] body, String retryAfter);
  }

  public ApiException map(int status, byte[] body, String retryAfter) {
    return mapper.map(status, body, retryAfter);
  }

  /** The Azure error for an upstream error of this kind. */
  public static ApiException azure(ErrorKind kind, String message, String retryAfter) {
    return switch (kind) {
      case INVALID ->
          ApiException.invalid(
              message.isEmpty() ? "The request was rejected by the model backend." : message,
              null,
              null);
      case RATE_LIMITED ->
          withRetryAfter(
              ApiException.of(
                  ErrorCode.UPSTREAM_RATE_LIMITED,
                  "The model backend's rate limit is exceeded. Please retry later."),
              retryAfter);
      case OVERLOADED ->
          withRetryAfter(
              ApiException.of(
                  ErrorCode.UPSTREAM_RATE_LIMITED,
                  "The model backend is overloaded. Please retry later."),
              retryAfter.isEmpty() ? OVERLOADED_RETRY_AFTER : retryAfter);
      case REFUSED ->
          ApiException.of(
              ErrorCode.UPSTREAM_ERROR, "The model backend refused this deployment's credentials.");
      case TIMEOUT -> ApiException.of(ErrorCode.TIMEOUT);
      case OTHER -> ApiException.of(ErrorCode.INTERNAL);
    };
  }

  private static ApiException withRetryAfter(ApiException e, String retryAfter) {
    return retryAfter.isEmpty() ? e : e.withHeaders(Map.of("Retry-After", retryAfter));
  }

  /** The upstream could not be reached, or did not answer in time. */
  public ApiException failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return ApiException.of(ErrorCode.TIMEOUT);
      }
    }
    LOG.warn("{} upstream unreachable: {}", provider, e.toString());
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend could not be reached.");
  }

  /** The upstream's stream broke after it began. */
  public ApiException broken(IOException e) {
    LOG.warn("{} upstream stream broke: {}", provider, e.toString());
    return ApiException.of(
        ErrorCode.UPSTREAM_ERROR, "The model backend stream ended unexpectedly.");
  }

  /** The upstream answered a body that is not what it should send. */
  public ApiException malformed() {
    LOG.warn("{} upstream answered a body that is not {}", provider, expected);
    return ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend answered malformed JSON.");
  }

  /** The body as JSON, or a missing node when it is not JSON. */
  public static JsonNode parse(byte[] body) {
    try {
      return Json.parse(body);
    } catch (IOException e) {
      return Json.MAPPER.missingNode();
    }
  }
}
