package dev.lazurite.backend.translate;

import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.Ids;
import java.time.Instant;
import java.util.List;

/** Azure's chat completion built from a provider's translated answer. */
public final class Completions {
  private Completions() {}

  /**
   * One assistant choice: its text, and its tool calls (when there are calls and no text, the
   * content is {@code null}, as Azure sends it).
   */
  public static ChatCompletion.Choice choice(
      int index, CharSequence text, List<ChatCompletion.ToolCall> calls, String finishReason) {
    return new ChatCompletion.Choice(
        index,
        new ChatCompletion.Message(
            "assistant", text.isEmpty() && !calls.isEmpty() ? null : text.toString(), null, calls),
        finishReason,
        null);
  }

  /** A completion with a new id, made now, fingerprinted by its model. */
  public static ChatCompletion of(String model, List<ChatCompletion.Choice> choices, Usage usage) {
    return new ChatCompletion(
        Ids.chatCompletion(),
        "chat.completion",
        Instant.now().getEpochSecond(),
        model,
        choices,
        usage,
        Ids.fingerprint(model));
  }
}
