package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.translate.Completions;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete Anthropic message as Azure's chat completion: text blocks joined into the content,
 * {@code tool_use} blocks as {@code tool_calls} (their input as the arguments string), the stop
 * reason as a {@code finish_reason}, and usage with cache reads counted as cached prompt tokens.
 */
final class MessagesAnswer {
  private MessagesAnswer() {}

  /**
   * @param schemaForced whether the {@link MessagesRequest#SCHEMA_TOOL} call is the answer's text
   */
  static ChatCompletion completion(JsonNode message, boolean schemaForced) {
    StringBuilder text = new StringBuilder();
    List<ChatCompletion.ToolCall> calls = new ArrayList<>();
    boolean schemaAnswered = false;
    for (JsonNode block : message.path("content")) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "tool_use" -> {
          String input = block.path("input").toString();
          if (schemaForced && block.path("name").asText().equals(MessagesRequest.SCHEMA_TOOL)) {
            text.append(input);
            schemaAnswered = true;
          } else {
            calls.add(
                new ChatCompletion.ToolCall(
                    block.path("id").asText(),
                    "function",
                    new ChatCompletion.Function(block.path("name").asText(), input)));
          }
        }
        default -> {}
      }
    }
    String reason = finishReason(message.path("stop_reason").asText(""), schemaAnswered);
    String model = message.path("model").asText("");
    return Completions.of(
        model, List.of(Completions.choice(0, text, calls, reason)), usage(message.path("usage")));
  }

  /**
   * Anthropic's stop reason as Azure's finish reason.
   *
   * @param schemaAnswered a {@code tool_use} stop that is the structured answer, not a call
   */
  static String finishReason(String stopReason, boolean schemaAnswered) {
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> schemaAnswered ? "stop" : "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }

  /**
   * Anthropic's usage as Azure's: prompt tokens include those read from and written to the cache,
   * as Azure's count every prompt token; the cache reads are the cached tokens.
   */
  static Usage usage(JsonNode usage) {
    int cacheRead = usage.path("cache_read_input_tokens").asInt(0);
    int prompt =
        usage.path("input_tokens").asInt(0)
            + cacheRead
            + usage.path("cache_creation_input_tokens").asInt(0);
    int completion = usage.path("output_tokens").asInt(0);
    return new Usage(
        prompt,
        completion,
        prompt + completion,
        new Usage.PromptDetails(cacheRead, 0),
        new Usage.CompletionDetails(0, 0, 0, 0));
  }
}
