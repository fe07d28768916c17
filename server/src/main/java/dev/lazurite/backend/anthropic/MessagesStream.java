package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.backend.translate.ChunkMeter;
import dev.lazurite.backend.translate.SseEvents;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Anthropic's message stream into Azure's {@code chat.completion.chunk} events as each
 * upstream event arrives: {@code message_start} opens the assistant turn, text deltas become
 * content deltas, a {@code tool_use} block becomes a tool call (its id and name first, then its
 * input JSON piece by piece as arguments), {@code message_delta} carries the finish reason, and
 * {@code message_stop} the usage chunk when the client asked for it. {@code ping} and thinking are
 * dropped; an {@code error} event ends the stream with the mapped Azure error. Tokens are counted
 * per chunk, and the upstream's output count settles the rest at the end, so a stream cut short is
 * still billed for what was sent. Every event passes the backend's {@link SecretRedactor} first.
 */
final class MessagesStream {
  private final TokenCounter tokens;
  private final Encoding encoding;
  private final boolean schemaForced;
  private final SecretRedactor redactor;
  private final ChunkMeter chunks;

  private JsonNode startUsage = Json.MAPPER.missingNode();

  /** Anthropic's content block index to the tool call index of the chunks (-1: the answer tool). */
  private final Map<Integer, Integer> toolIndexes = new HashMap<>();

  MessagesStream(
      TokenCounter tokens,
      Encoding encoding,
      boolean clientWantsUsage,
      boolean schemaForced,
      SecretRedactor redactor) {
    this.tokens = tokens;
    this.encoding = encoding;
    this.schemaForced = schemaForced;
    this.redactor = redactor;
    this.chunks = new ChunkMeter("", clientWantsUsage);
  }

  void copy(InputStream upstream, EventSink sink) throws IOException {
    SseEvents.read(upstream, redactor, event -> handle(event, sink));
  }

  /** Sends what one event means to the client; false once the message is complete. */
  private boolean handle(JsonNode event, EventSink sink) {
    switch (event.path("type").asText()) {
      case "message_start" -> {
        JsonNode message = event.path("message");
        chunks.model(message.path("model").asText(""));
        startUsage = message.path("usage");
        sink.send(chunk(new ChatChunk.Delta("assistant", "", null), null, 0));
      }
      case "content_block_start" -> blockStart(event, sink);
      case "content_block_delta" -> blockDelta(event, sink);
      case "message_delta" -> {
        String stop = event.path("delta").path("stop_reason").asText("");
        if (!stop.isEmpty()) {
          boolean schemaAnswered = schemaForced && toolIndexes.containsValue(-1);
          String reason = MessagesAnswer.finishReason(stop, schemaAnswered);
          sink.send(chunk(new ChatChunk.Delta(null, null, null), reason, 0));
        }
        if (event.path("usage").isObject()) {
          startUsage = merged(event.path("usage"));
        }
      }
      case "message_stop" -> {
        finish(sink);
        return false;
      }
      case "error" -> throw AnthropicErrors.event(event);
      default -> {} // ping, content_block_stop, and event types added later
    }
    return true;
  }

  private void blockStart(JsonNode event, EventSink sink) {
    JsonNode block = event.path("content_block");
    if (!block.path("type").asText().equals("tool_use")) {
      return;
    }
    int index = event.path("index").asInt();
    String name = block.path("name").asText();
    if (schemaForced && name.equals(MessagesRequest.SCHEMA_TOOL)) {
      toolIndexes.put(index, -1);
      return;
    }
    int toolIndex = (int) toolIndexes.values().stream().filter(i -> i >= 0).count();
    toolIndexes.put(index, toolIndex);
    var call =
        new ChatChunk.ToolCallDelta(
            toolIndex,
            block.path("id").asText(),
            "function",
            new ChatChunk.FunctionDelta(name, ""));
    sink.send(chunk(new ChatChunk.Delta(null, null, List.of(call)), null, 0));
  }

  private void blockDelta(JsonNode event, EventSink sink) {
    JsonNode delta = event.path("delta");
    switch (delta.path("type").asText()) {
      case "text_delta" -> content(delta.path("text").asText(), sink);
      case "input_json_delta" -> {
        String json = delta.path("partial_json").asText();
        Integer toolIndex = toolIndexes.get(event.path("index").asInt());
        if (toolIndex == null || json.isEmpty()) {
          return;
        }
        if (toolIndex < 0) {
          content(json, sink);
          return;
        }
        int count = tokens.count(encoding, json);
        var call =
            new ChatChunk.ToolCallDelta(
                toolIndex, null, null, new ChatChunk.FunctionDelta(null, json));
        sink.send(chunk(new ChatChunk.Delta(null, null, List.of(call)), null, count));
      }
      default -> {} // thinking, signatures, citations
    }
  }

  private void content(String text, EventSink sink) {
    if (!text.isEmpty()) {
      sink.send(chunk(new ChatChunk.Delta(null, text, null), null, tokens.count(encoding, text)));
    }
  }

  /** The usage chunk, or the tokens the upstream counted beyond those sent as metering only. */
  private void finish(EventSink sink) {
    Usage usage = MessagesAnswer.usage(startUsage);
    chunks.settle(sink, usage, usage.promptTokensDetails().cachedTokens());
  }

  /** message_start's usage with message_delta's counts laid over it (output is cumulative). */
  private JsonNode merged(JsonNode delta) {
    var merged = startUsage.isObject() ? startUsage.deepCopy() : Json.MAPPER.createObjectNode();
    var target = (com.fasterxml.jackson.databind.node.ObjectNode) merged;
    delta
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().isNull()) {
                target.set(e.getKey(), e.getValue());
              }
            });
    return target;
  }

  private StreamEvent chunk(ChatChunk.Delta delta, String finishReason, int tokenCount) {
    return chunks.chunk(0, delta, finishReason, tokenCount);
  }
}
