package dev.lazurite.server.edge;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.Map;

/**
 * A request body the edge refused: over the limit (413), not validly framed (400), or too slow
 * (408). The connection closes after the answer. Each handler answers it in its own envelope; the
 * status and Azure error code are given here.
 */
public final class BodyRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  private BodyRejected(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static BodyRejected tooLarge(long size, long limit) {
    return new BodyRejected(
        413,
        "RequestEntityTooLarge",
        "Request body too large: %s bytes. The maximum request body size is %d bytes."
            .formatted(size > limit ? "more than " + limit : Long.toString(size), limit));
  }

  static BodyRejected malformed() {
    return new BodyRejected(
        400,
        "InvalidRequestContent",
        "The request body is not validly framed (Content-Length or" + " chunked transfer coding).");
  }

  static BodyRejected tooSlow(long timeoutMillis) {
    return new BodyRejected(
        408, "Timeout", "The request body did not arrive within %d ms.".formatted(timeoutMillis));
  }

  public int status() {
    return status;
  }

  /** Azure's error code for this rejection, e.g. {@code RequestEntityTooLarge}. */
  public String code() {
    return code;
  }

  /** The data plane's rendering: Azure OpenAI's own error bodies for these statuses. */
  public ApiException toApiException() {
    ApiException e =
        switch (status) {
          case 413 ->
              ApiException.withDetail(
                  ErrorCode.PAYLOAD_TOO_LARGE, getMessage(), null, "request_too_large");
          case 408 -> ApiException.of(ErrorCode.TIMEOUT);
          default -> ApiException.invalid(getMessage(), null, "invalid_body");
        };
    return e.withHeaders(Map.of("Connection", "close"));
  }
}
