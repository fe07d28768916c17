package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Usage;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.Ids;
import dev.lazurite.backend.translate.Completions;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete {@code GenerateContentResponse} as Azure's chat completion: one choice per candidate,
 * text parts joined into the content (thoughts left out), {@code functionCall} parts as {@code
 * tool_calls} (their args as the arguments string), the finish reason mapped, and usage from {@code
 * usageMetadata}. A prompt Gemini blocks (no candidates, a {@code promptFeedback.blockReason})
 * becomes Azure's content-filter 400.
 */
final class GenerateAnswer {
  private GenerateAnswer() {}

  static ChatCompletion completion(JsonNode response, String requestedModel) {
    JsonNode candidates = response.path("candidates");
    if (candidates.isEmpty()) {
      throw blocked(response.path("promptFeedback"));
    }
    List<ChatCompletion.Choice> choices = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      JsonNode candidate = candidates.get(i);
      StringBuilder text = new StringBuilder();
      List<ChatCompletion.ToolCall> calls = new ArrayList<>();
      for (JsonNode part : candidate.path("content").path("parts")) {
        if (part.path("thought").asBoolean(false)) {
          continue;
        }
        if (part.has("text")) {
          text.append(part.path("text").asText());
        } else if (part.has("functionCall")) {
          JsonNode call = part.path("functionCall");
          calls.add(
              new ChatCompletion.ToolCall(
                  callId(call),
                  "function",
                  new ChatCompletion.Function(call.path("name").asText(), arguments(call))));
        }
      }
      String reason = finishReason(candidate.path("finishReason").asText(""), !calls.isEmpty());
      choices.add(Completions.choice(candidate.path("index").asInt(i), text, calls, reason));
    }
    String model = model(response, requestedModel);
    return Completions.of(model, choices, usage(response.path("usageMetadata")));
  }

  static String model(JsonNode response, String requestedModel) {
    return response.path("modelVersion").asText(requestedModel);
  }

  /** The call's own id when Gemini gives one, else a new one in OpenAI's form. */
  static String callId(JsonNode call) {
    String id = call.path("id").asText("");
    return id.isEmpty() ? Ids.toolCall() : id;
  }

  static String arguments(JsonNode call) {
    JsonNode args = call.path("args");
    return args.isObject() ? args.toString() : "{}";
  }

  /**
   * Gemini's finish reason as Azure's: the safety family as {@code content_filter}, the output
   * limit as {@code length}, a stop with function calls as {@code tool_calls}.
   */
  static String finishReason(String finishReason, boolean calledTools) {
    return switch (finishReason) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY",
          "RECITATION",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT" ->
          "content_filter";
      default -> calledTools ? "tool_calls" : "stop";
    };
  }

  /**
   * Gemini's usage as Azure's: {@code promptTokenCount} already includes the cached tokens, which
   * are reported as cached; thinking tokens are completion tokens, reported as reasoning tokens.
   */
  static Usage usage(JsonNode usage) {
    int prompt = usage.path("promptTokenCount").asInt(0);
    int thoughts = usage.path("thoughtsTokenCount").asInt(0);
    int completion = usage.path("candidatesTokenCount").asInt(0) + thoughts;
    return new Usage(
        prompt,
        completion,
        prompt + completion,
        new Usage.PromptDetails(usage.path("cachedContentTokenCount").asInt(0), 0),
        new Usage.CompletionDetails(thoughts, 0, 0, 0));
  }

  /** Azure's prompt filter error for a prompt Gemini refused, naming the categories it rated. */
  static ApiException blocked(JsonNode feedback) {
    ObjectNode result = Json.MAPPER.createObjectNode();
    for (String category : List.of("hate", "self_harm", "sexual", "violence")) {
      result.putObject(category).put("filtered", false).put("severity", "safe");
    }
    for (JsonNode rating : feedback.path("safetyRatings")) {
      String category =
          switch (rating.path("category").asText()) {
            case "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_HARASSMENT" -> "hate";
            case "HARM_CATEGORY_SEXUALLY_EXPLICIT" -> "sexual";
            case "HARM_CATEGORY_DANGEROUS_CONTENT" -> "violence";
            default -> "";
          };
      if (!category.isEmpty() && rating.path("blocked").asBoolean(false)) {
        result.putObject(category).put("filtered", true).put("severity", "high");
      }
    }
    result
        .putObject("custom_blocklists")
        .put("filtered", true)
        .putArray("details")
        .addObject()
        .put("filtered", true)
        .put("id", "gemini:" + feedback.path("blockReason").asText("OTHER"));
    return ApiException.contentFilter(result);
  }
}
