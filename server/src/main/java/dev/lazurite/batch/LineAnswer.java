package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

/**
 * What the pipeline answered for one line.
 *
 * @param body the response body, JSON text
 */
public record LineAnswer(String customId, int statusCode, String requestId, String body) {
  public LineAnswer {
    requireNonNull(customId, "customId is null");
    requireNonNull(requestId, "requestId is null");
    requireNonNull(body, "body is null");
  }
}
