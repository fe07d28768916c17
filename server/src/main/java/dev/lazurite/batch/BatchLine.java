package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

/**
 * One request of a batch's input, as validated.
 *
 * @param number the line's position in the input file, from 1
 * @param body the request body the line sends, JSON text
 */
public record BatchLine(long number, String customId, String body) {
  public BatchLine {
    requireNonNull(customId, "customId is null");
    requireNonNull(body, "body is null");
  }
}
