package dev.lazurite.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lazurite.api.Usage;
import java.util.List;

/** A non-streamed chat completion, in the order Azure writes its fields. */
public record ChatCompletion(
    String id,
    String object,
    long created,
    String model,
    List<Choice> choices,
    Usage usage,
    String systemFingerprint) {
  public ChatCompletion {
    choices = List.copyOf(choices);
  }

  /**
   * @param logprobs null, or a {@link Logprobs}
   */
  public record Choice(int index, Message message, String finishReason, Logprobs logprobs) {}

  public record Message(
      String role,
      String content,
      String refusal,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls) {}

  public record ToolCall(String id, String type, Function function) {}

  public record Function(String name, String arguments) {}

  /** Per-token log probabilities ({@code refusal} is always null here). */
  public record Logprobs(List<TokenLogprob> content, String refusal) {}

  public record TokenLogprob(
      String token,
      double logprob,
      List<Integer> bytes,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<TokenLogprob> topLogprobs) {}
}
