package dev.lazurite.backend.translate;

import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.backend.Ids;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.StreamEvent;
import java.time.Instant;

/**
 * Builds the chunks of one translated stream and counts the completion tokens they carry, so that
 * at the end the upstream's own output count settles what was not yet billed. One per stream, used
 * from the thread that copies it.
 */
public final class ChunkMeter {
  private ChunkStamp stamp;
  private int counted;

  public ChunkMeter(String model, boolean clientWantsUsage) {
    this.stamp =
        ChunkStamp.of(
            Ids.chatCompletion(), Instant.now().getEpochSecond(), model, clientWantsUsage);
  }

  public String model() {
    return stamp.model();
  }

  /** Names the model in the chunks that follow. */
  public void model(String model) {
    if (!model.equals(stamp.model())) {
      stamp = stamp.withModel(model);
    }
  }

  /** A chunk with one choice, counting {@code tokens} as sent. */
  public StreamEvent chunk(int index, ChatChunk.Delta delta, String finishReason, int tokens) {
    counted += tokens;
    return stamp.event(index, delta, finishReason, null, tokens);
  }

  /**
   * Sends the usage chunk when the client asked for it, or else the tokens the upstream counted
   * beyond those already sent (and the cached prompt tokens) as metering only.
   */
  public void settle(EventSink sink, Usage usage, int cachedPromptTokens) {
    int billed = Math.max(0, usage.completionTokens() - counted);
    counted += billed;
    if (stamp.usageField()) {
      sink.send(new StreamEvent(stamp.usage(usage), billed, cachedPromptTokens));
    } else if (billed > 0 || cachedPromptTokens > 0) {
      sink.send(StreamEvent.meteringOnly(billed, cachedPromptTokens));
    }
  }
}
