package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.backend.translate.ChunkMeter;
import dev.lazurite.backend.translate.SseEvents;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates Gemini's {@code streamGenerateContent?alt=sse} stream (each event a partial {@code
 * GenerateContentResponse}) into Azure's {@code chat.completion.chunk} events as each arrives: the
 * first event of a candidate opens its assistant turn, text parts become content deltas, a {@code
 * functionCall} part (Gemini sends each whole) one tool call delta with its id, name and arguments,
 * and a {@code finishReason} the finish chunk. The stream ends when the upstream closes it; then
 * the usage chunk follows when the client asked for it. A stream closed before any finish reason is
 * a broken stream; an {@code error} object inside it ends it with the mapped Azure error. Tokens
 * are counted per chunk, and Gemini's output count settles the rest at the end. Every event passes
 * the backend's {@link SecretRedactor} first.
 */
final class GenerateStream {
  private final TokenCounter tokens;
  private final Encoding encoding;
  private final SecretRedactor redactor;
  private final ChunkMeter chunks;

  private JsonNode usage = Json.MAPPER.missingNode();
  private final Set<Integer> opened = new HashSet<>();
  private final Map<Integer, Integer> toolCalls = new HashMap<>();
  private final Map<Integer, Boolean> called = new HashMap<>();
  private boolean finished;

  GenerateStream(
      TokenCounter tokens,
      Encoding encoding,
      boolean clientWantsUsage,
      SecretRedactor redactor,
      String requestedModel) {
    this.tokens = tokens;
    this.encoding = encoding;
    this.redactor = redactor;
    this.chunks = new ChunkMeter(requestedModel, clientWantsUsage);
  }

  void copy(InputStream upstream, EventSink sink) throws IOException {
    SseEvents.read(
        upstream,
        redactor,
        event -> {
          handle(event, sink);
          return true;
        });
    if (!finished) {
      throw new EOFException("the stream closed before a finish reason");
    }
    finish(sink);
  }

  private void handle(JsonNode event, EventSink sink) {
    if (event.has("error")) {
      throw GeminiErrors.event(event);
    }
    chunks.model(GenerateAnswer.model(event, chunks.model()));
    if (event.path("usageMetadata").isObject()) {
      usage = event.path("usageMetadata");
    }
    JsonNode candidates = event.path("candidates");
    if (candidates.isEmpty() && event.path("promptFeedback").has("blockReason")) {
      throw GenerateAnswer.blocked(event.path("promptFeedback"));
    }
    for (int i = 0; i < candidates.size(); i++) {
      JsonNode candidate = candidates.get(i);
      int index = candidate.path("index").asInt(i);
      if (opened.add(index)) {
        sink.send(chunk(index, new ChatChunk.Delta("assistant", "", null), null, 0));
      }
      for (JsonNode part : candidate.path("content").path("parts")) {
        part(index, part, sink);
      }
      String reason = candidate.path("finishReason").asText("");
      if (!reason.isEmpty()) {
        finished = true;
        String finish = GenerateAnswer.finishReason(reason, called.getOrDefault(index, false));
        sink.send(chunk(index, new ChatChunk.Delta(null, null, null), finish, 0));
      }
    }
  }

  private void part(int index, JsonNode part, EventSink sink) {
    if (part.path("thought").asBoolean(false)) {
      return;
    }
    if (part.has("text")) {
      String text = part.path("text").asText();
      if (!text.isEmpty()) {
        int count = tokens.count(encoding, text);
        sink.send(chunk(index, new ChatChunk.Delta(null, text, null), null, count));
      }
    } else if (part.has("functionCall")) {
      JsonNode call = part.path("functionCall");
      int toolIndex = toolCalls.merge(index, 1, Integer::sum) - 1;
      called.put(index, true);
      String arguments = GenerateAnswer.arguments(call);
      var delta =
          new ChatChunk.ToolCallDelta(
              toolIndex,
              GenerateAnswer.callId(call),
              "function",
              new ChatChunk.FunctionDelta(call.path("name").asText(), arguments));
      sink.send(
          chunk(
              index,
              new ChatChunk.Delta(null, null, List.of(delta)),
              null,
              tokens.count(encoding, arguments)));
    }
  }

  /** The usage chunk, or the tokens the upstream counted beyond those sent as metering only. */
  private void finish(EventSink sink) {
    chunks.settle(sink, GenerateAnswer.usage(usage), 0);
  }

  private StreamEvent chunk(int index, ChatChunk.Delta delta, String finishReason, int count) {
    return chunks.chunk(index, delta, finishReason, count);
  }
}
