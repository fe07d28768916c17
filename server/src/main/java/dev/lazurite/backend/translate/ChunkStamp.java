package dev.lazurite.backend.translate;

import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.Ids;
import dev.lazurite.pipeline.StreamEvent;
import java.util.List;

/**
 * What every chunk of one streamed chat completion shares: its id, creation time, model and
 * fingerprint, and whether the client asked for the {@code usage} field (then each chunk carries it
 * as {@code null} and the last one the totals).
 */
public record ChunkStamp(
    String id, long created, String model, String fingerprint, boolean usageField) {

  /** A stamp whose fingerprint is the model's. */
  public static ChunkStamp of(String id, long created, String model, boolean usageField) {
    return new ChunkStamp(id, created, model, Ids.fingerprint(model), usageField);
  }

  /** The same stamp for another model name (the upstream may name the model it served). */
  public ChunkStamp withModel(String newModel) {
    return of(id, created, newModel, usageField);
  }

  /** A chunk with one choice, carrying {@code tokens} completion tokens for metering. */
  public StreamEvent event(
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

  /** The closing chunk with no choices and the totals. */
  public ChatChunk usage(Usage usage) {
    return new ChatChunk(
        id, "chat.completion.chunk", created, model, fingerprint, List.of(), true, usage);
  }
}
