package dev.lazurite.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lazurite.api.Usage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One streamed chat event. When the client asked for usage, every chunk carries {@code "usage":
 * null} and the last one, with no choices, carries the totals.
 */
public record ChatChunk(
    String id,
    String object,
    long created,
    String model,
    String systemFingerprint,
    List<Choice> choices,
    @JsonIgnore boolean usageField,
    @JsonIgnore Usage usage) {
  public ChatChunk {
    choices = List.copyOf(choices);
  }

  @JsonAnyGetter
  Map<String, Object> extra() {
    Map<String, Object> extra = new HashMap<>();
    if (usageField) {
      extra.put("usage", usage);
    }
    return extra;
  }

  public record Choice(
      int index, Delta delta, String finishReason, ChatCompletion.Logprobs logprobs) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Delta(String role, String content, List<ToolCallDelta> toolCalls) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ToolCallDelta(int index, String id, String type, FunctionDelta function) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FunctionDelta(String name, String arguments) {}
}
