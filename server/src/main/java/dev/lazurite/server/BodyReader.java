package dev.lazurite.server;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body, refusing one over the limit with a 413 before reading it all. */
final class BodyReader {
  private BodyReader() {}

  static byte[] read(ServerRequest request, long limit) {
    var declared = request.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > limit) {
      throw tooLarge(declared.getAsLong(), limit);
    }
    if (!request.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.content().inputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw tooLarge(body.length, limit);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException tooLarge(long size, long limit) {
    return ApiException.withDetail(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Request body too large: %s bytes. The maximum request body size is %d bytes."
            .formatted(size > limit ? "more than " + limit : Long.toString(size), limit),
        null,
        "request_too_large");
  }
}
