package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a failed batch's {@code errors.data}: Azure's validation code, its message, and the
 * input line it concerns when there is one (numbered from 1).
 */
public record BatchError(String code, String message, Optional<String> param, OptionalLong line) {
  public BatchError {
    requireNonNull(code, "code is null");
    requireNonNull(message, "message is null");
    requireNonNull(param, "param is null");
    requireNonNull(line, "line is null");
  }

  public static BatchError of(BatchErrorCode code) {
    return new BatchError(code.wire(), code.message(), Optional.empty(), OptionalLong.empty());
  }

  public static BatchError atLine(BatchErrorCode code, long line) {
    return new BatchError(code.wire(), code.message(), Optional.empty(), OptionalLong.of(line));
  }
}
