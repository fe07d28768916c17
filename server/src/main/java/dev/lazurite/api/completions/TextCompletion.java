package dev.lazurite.api.completions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lazurite.api.Usage;
import java.util.List;

/**
 * A legacy completion; streamed events share this shape (with {@code usage} null until the last
 * event when usage was asked for).
 */
public record TextCompletion(
    String id,
    String object,
    long created,
    String model,
    List<Choice> choices,
    Usage usage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String systemFingerprint) {
  public TextCompletion {
    choices = List.copyOf(choices);
  }

  /**
   * @param logprobs null, or a {@link Logprobs}
   */
  public record Choice(String text, int index, String finishReason, Logprobs logprobs) {}

  public record Logprobs(
      List<String> tokens,
      List<Double> tokenLogprobs,
      List<java.util.Map<String, Double>> topLogprobs,
      List<Integer> textOffset) {}
}
