package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.backend.Backend;
import dev.lazurite.json.Json;
import java.io.IOException;

/**
 * An upstream's response object as the pipeline takes it: a chat completion with the response's
 * output text and usage (so that the completion filter screens the text and metering counts the
 * upstream's {@code input_tokens}, {@code output_tokens} and {@code
 * input_tokens_details.cached_tokens}), carrying the response object itself for the Responses
 * stage.
 */
final class NativeResponseAnswer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NativeResponseAnswer() {}

  /**
   * @param body the upstream's answer, redacted
   * @throws dev.lazurite.error.ApiException the upstream error when it is not a response object
   */
  static Backend.Result read(byte[] body) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw UpstreamErrors.malformed();
    }
    if (!(tree instanceof ObjectNode response)) {
      throw UpstreamErrors.malformed();
    }
    JsonNode usage = response.path("usage");
    int input = Math.max(0, usage.path("input_tokens").asInt(0));
    int output = Math.max(0, usage.path("output_tokens").asInt(0));
    int cached = Math.max(0, usage.path("input_tokens_details").path("cached_tokens").asInt(0));
    ObjectNode chat = NODES.objectNode();
    chat.put("id", response.path("id").asText(""));
    chat.put("object", "chat.completion");
    chat.put("created", response.path("created_at").asLong(0));
    chat.put("model", response.path("model").asText(""));
    ObjectNode choice = chat.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    message.put("content", text(response));
    choice.put("finish_reason", finishReason(response));
    ObjectNode chatUsage = chat.putObject("usage");
    chatUsage.put("prompt_tokens", input);
    chatUsage.put("completion_tokens", output);
    chatUsage.put("total_tokens", input + output);
    chatUsage.putObject("prompt_tokens_details").put("cached_tokens", cached);
    chat.set(NativeResponses.ANSWER_FIELD, response);
    return new Backend.Result(chat, input, output, cached, true);
  }

  /** The text of every output message, joined. */
  static String text(JsonNode response) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : response.path("output")) {
      if (!item.path("type").asText().equals("message")) {
        continue;
      }
      for (JsonNode part : item.path("content")) {
        if (part.path("text").isTextual()) {
          text.append(part.path("text").asText());
        }
      }
    }
    return text.toString();
  }

  private static String finishReason(JsonNode response) {
    String reason = response.path("incomplete_details").path("reason").asText("");
    return switch (reason) {
      case "max_output_tokens" -> "length";
      case "content_filter" -> "content_filter";
      default -> "stop";
    };
  }
}
