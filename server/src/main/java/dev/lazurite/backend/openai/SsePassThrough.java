package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies an upstream SSE stream to the client event by event, as each arrives. Usage is always
 * asked of the upstream so that metering is exact (cached prompt tokens included); the usage event
 * reaches the client only when the client asked for it. Tokens are counted per chunk while
 * streaming so that a stream cut short is still billed for what was sent. Every event passes the
 * backend's {@link SecretRedactor} first.
 */
final class SsePassThrough {
  private final TokenCounter tokens;
  private final Encoding encoding;
  private final boolean clientWantsUsage;
  private final SecretRedactor redactor;

  /** Completion tokens billed so far in this stream. */
  private int counted;

  SsePassThrough(
      TokenCounter tokens, Encoding encoding, boolean clientWantsUsage, SecretRedactor redactor) {
    this.tokens = tokens;
    this.encoding = encoding;
    this.clientWantsUsage = clientWantsUsage;
    this.redactor = redactor;
  }

  void copy(InputStream upstream, EventSink sink) throws IOException {
    SseObjects.read(upstream, redactor, chunk -> forward(chunk, sink));
  }

  /** Sends one upstream chunk on; every chunk is followed by more until {@code [DONE]}. */
  private boolean forward(ObjectNode chunk, EventSink sink) {
    if (chunk.has("error")) {
      throw ApiException.of(
          dev.lazurite.error.ErrorCode.UPSTREAM_ERROR,
          chunk.path("error").path("message").asText("The model backend reported an error."));
    }
    JsonNode usage = chunk.get("usage");
    boolean usageChunk = usage != null && usage.isObject() && chunk.path("choices").isEmpty();
    if (usageChunk) {
      int billed = Math.max(0, usage.path("completion_tokens").asInt(counted) - counted);
      counted += billed;
      int cached = Math.max(0, usage.path("prompt_tokens_details").path("cached_tokens").asInt(0));
      sink.send(
          clientWantsUsage
              ? new StreamEvent(chunk, billed, cached)
              : StreamEvent.meteringOnly(billed, cached));
      return true;
    }
    if (!clientWantsUsage) {
      chunk.remove("usage");
    }
    int chunkTokens = countText(chunk);
    counted += chunkTokens;
    sink.send(new StreamEvent(chunk, chunkTokens));
    return true;
  }

  private int countText(ObjectNode chunk) {
    int count = 0;
    for (JsonNode choice : chunk.path("choices")) {
      JsonNode content = choice.path("delta").path("content");
      if (content.isTextual()) {
        count += tokens.count(encoding, content.asText());
      }
      JsonNode text = choice.path("text");
      if (text.isTextual()) {
        count += tokens.count(encoding, text.asText());
      }
      for (JsonNode call : choice.path("delta").path("tool_calls")) {
        JsonNode args = call.path("function").path("arguments");
        if (args.isTextual()) {
          count += tokens.count(encoding, args.asText());
        }
      }
    }
    return count;
  }
}
