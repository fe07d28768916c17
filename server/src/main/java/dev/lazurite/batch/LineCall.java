package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one batch line through the data-plane pipeline as an internal call of the batch's resource:
 * its quota, content filter, metering and pool failover apply as to a live request. A 429 is not an
 * answer: the line is tried again later, so batch traffic yields to live traffic.
 */
final class LineCall {
  /** The caller usage records name for batch lines (priced at the batch rate). */
  static final String PURPOSE = "batch";

  private final InternalCalls calls;
  private final Duration defaultBackoff;

  LineCall(InternalCalls calls, Duration defaultBackoff) {
    this.calls = requireNonNull(calls, "calls is null");
    this.defaultBackoff = requireNonNull(defaultBackoff, "defaultBackoff is null");
  }

  /** How a line ended this time. */
  sealed interface Result {
    record Answered(LineAnswer answer) implements Result {}

    record Throttled(Duration retryAfter) implements Result {}
  }

  Result run(String resource, String path, BatchLine line) {
    Operation operation =
        switch (path) {
          case "/embeddings" -> Operation.EMBEDDINGS;
          case "/responses" -> Operation.RESPONSES_CREATE;
          default -> Operation.CHAT_COMPLETIONS;
        };
    Outcome outcome =
        calls.call(resource, operation, line.body().getBytes(StandardCharsets.UTF_8), PURPOSE);
    String requestId = outcome.exchange().request().requestId();
    return switch (outcome) {
      case Outcome.Answered answered ->
          switch (answered.response()) {
            case Response.Json json ->
                json.status() == 429
                    ? new Result.Throttled(retryAfter(header(json.headers())))
                    : new Result.Answered(
                        new LineAnswer(
                            line.customId(),
                            json.status(),
                            requestId,
                            new String(Json.writeWire(json.body()), StandardCharsets.UTF_8)));
            case Response.Stream ignored ->
                failed(line, requestId, ApiException.of(ErrorCode.INTERNAL));
            case Response.Bytes ignored ->
                failed(line, requestId, ApiException.of(ErrorCode.INTERNAL));
          };
      case Outcome.Failed failed ->
          failed.error().errorCode().status() == 429
              ? new Result.Throttled(retryAfter(header(failed.error().headers())))
              : failed(line, requestId, failed.error());
    };
  }

  private static Result failed(BatchLine line, String requestId, ApiException error) {
    return new Result.Answered(
        new LineAnswer(
            line.customId(),
            error.errorCode().status(),
            requestId,
            new String(ErrorRenderer.render(error), StandardCharsets.UTF_8)));
  }

  private static String header(java.util.Map<String, String> headers) {
    for (var entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase("retry-after")) {
        return entry.getValue();
      }
    }
    return null;
  }

  private Duration retryAfter(String header) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return defaultBackoff;
  }
}
