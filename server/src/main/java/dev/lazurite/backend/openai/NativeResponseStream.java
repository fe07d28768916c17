package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Copies an upstream's Responses event stream into the pipeline as it arrives, each event inside a
 * chat-shaped chunk ({@link NativeResponses#EVENT_FIELD}); an {@code output_text} delta's chunk
 * also carries its text as chat content, so that the completion filter screens it as it screens
 * chat. Output tokens are counted per delta while streaming, so that a stream cut short is still
 * billed for what was sent; the terminal event ({@code response.completed} or {@code
 * response.incomplete}) brings the upstream's usage: the rest of its output tokens, its cached
 * tokens, and its {@code input_tokens}, which are billed in place of the local count. An {@code
 * error} or {@code response.failed} event becomes the upstream's error. Every event passes the
 * backend's {@link SecretRedactor} first.
 */
final class NativeResponseStream {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TERMINAL = Set.of("response.completed", "response.incomplete");
  private static final Set<String> COUNTED =
      Set.of(
          "response.output_text.delta",
          "response.refusal.delta",
          "response.function_call_arguments.delta",
          "response.reasoning_summary_text.delta");

  private final TokenCounter tokens;
  private final Encoding encoding;
  private final SecretRedactor redactor;

  /** Output tokens billed so far in this stream. */
  private int counted;

  NativeResponseStream(TokenCounter tokens, Encoding encoding, SecretRedactor redactor) {
    this.tokens = tokens;
    this.encoding = encoding;
    this.redactor = redactor;
  }

  void copy(InputStream upstream, EventSink sink) throws IOException {
    if (!SseObjects.read(upstream, redactor, event -> forward(event, sink))) {
      throw ApiException.of(
          ErrorCode.UPSTREAM_ERROR, "The model backend stream ended unexpectedly.");
    }
  }

  /** Sends one upstream event on; answers whether more are to come. */
  private boolean forward(ObjectNode event, EventSink sink) {
    String type = event.path("type").asText("");
    if (type.equals("error")) {
      throw failure(event.path("code").asText(""), event.path("message").asText(""));
    }
    if (type.equals("response.failed")) {
      JsonNode error = event.path("response").path("error");
      throw failure(error.path("code").asText(""), error.path("message").asText(""));
    }
    ObjectNode chunk = carrier(event);
    if (TERMINAL.contains(type)) {
      JsonNode usage = event.path("response").path("usage");
      int output = Math.max(0, usage.path("output_tokens").asInt(counted));
      int billed = Math.max(0, output - counted);
      counted += billed;
      int input = Math.max(0, usage.path("input_tokens").asInt(0));
      int cached = Math.max(0, usage.path("input_tokens_details").path("cached_tokens").asInt(0));
      sink.send(new StreamEvent(chunk, billed, Math.min(cached, input), FilterOutcome.NONE, input));
      return false;
    }
    int chunkTokens = 0;
    if (COUNTED.contains(type) && event.path("delta").isTextual()) {
      chunkTokens = tokens.count(encoding, event.path("delta").asText());
    }
    if (type.equals("response.output_text.delta")) {
      ObjectNode choice = chunk.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("delta").put("content", event.path("delta").asText(""));
      choice.putNull("finish_reason");
    }
    counted += chunkTokens;
    sink.send(new StreamEvent(chunk, chunkTokens));
    return true;
  }

  /** The chat-shaped chunk that carries one upstream event. */
  private static ObjectNode carrier(ObjectNode event) {
    ObjectNode chunk = NODES.objectNode();
    chunk.put("object", "chat.completion.chunk");
    chunk.set(NativeResponses.EVENT_FIELD, event);
    return chunk;
  }

  /** The upstream's error in the stream: a rate limit, or a failure of the model backend. */
  private static ApiException failure(String code, String message) {
    String text = message.isEmpty() ? "The model backend reported an error." : message;
    return code.contains("rate_limit")
        ? ApiException.of(ErrorCode.UPSTREAM_RATE_LIMITED, text)
        : ApiException.of(ErrorCode.UPSTREAM_ERROR, text);
  }
}
