package dev.lazurite.backend.simulator;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.pipeline.StreamEvent;
import java.util.List;

/** Builds the chunks of one streamed chat completion; they share id, time and model. */
final class ChunkFactory {
  private final String id;
  private final long created;
  private final String model;
  private final String fingerprint;
  private final boolean usageField;

  ChunkFactory(String id, long created, String model, String fingerprint, ChatRequest request) {
    this.id = id;
    this.created = created;
    this.model = model;
    this.fingerprint = fingerprint;
    this.usageField = request.includeUsage();
  }

  StreamEvent event(
      int index,
      ChatChunk.Delta delta,
      String finishReason,
      ChatCompletion.Logprobs logprobs,
      int tokens) {
    var choice = new ChatChunk.Choice(index, delta, finishReason, logprobs);
    return new StreamEvent(
        new ChatChunk(
            id,
            "chat.completion.chunk",
            created,
            model,
            fingerprint,
            List.of(choice),
            usageField,
            null),
        tokens);
  }

  ChatChunk usage(Usage usage) {
    return new ChatChunk(
        id, "chat.completion.chunk", created, model, fingerprint, List.of(), true, usage);
  }
}
