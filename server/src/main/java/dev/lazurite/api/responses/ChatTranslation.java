package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.List;

/**
 * The Responses request as a chat completions body, for every backend that speaks chat: the
 * instructions as a system message, the stored chain's items and this turn's input as messages,
 * function tools, {@code text.format} as {@code response_format}, {@code max_output_tokens} as
 * {@code max_completion_tokens}. A stream asks for usage, which arrives in {@code
 * response.completed}.
 */
final class ChatTranslation {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChatTranslation() {}

  static ObjectNode toChat(
      ResponsesRequest request, List<ObjectNode> context, boolean reasoningModel) {
    ObjectNode chat = NODES.objectNode();
    chat.put("model", request.model());
    ArrayNode messages = chat.putArray("messages");
    request
        .instructions()
        .ifPresent(i -> messages.addObject().put("role", "system").put("content", i));
    context.forEach(item -> addItem(messages, item));
    request.input().forEach(item -> addItem(messages, item));
    boolean functions = false;
    for (JsonNode tool : request.tools()) {
      functions |= tool.get("type").asText().equals("function");
    }
    if (functions) {
      ArrayNode tools = chat.putArray("tools");
      for (JsonNode tool : request.tools()) {
        if (!tool.get("type").asText().equals("function")) {
          continue;
        }
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.get("name").asText());
        if (tool.get("description").isTextual()) {
          function.put("description", tool.get("description").asText());
        }
        function.set("parameters", tool.get("parameters"));
      }
      chat.put("parallel_tool_calls", request.parallelToolCalls());
      JsonNode choice = request.toolChoice();
      if (choice.isObject() && !choice.path("type").asText().equals("function")) {
        // A hosted tool's choice (file_search) runs before the model: the functions stay free.
        chat.put("tool_choice", "auto");
      } else if (choice.isTextual()) {
        chat.put("tool_choice", choice.asText());
      } else {
        chat.putObject("tool_choice")
            .put("type", "function")
            .putObject("function")
            .put("name", choice.get("name").asText());
      }
    }
    responseFormat(chat, (ObjectNode) request.text().get("format"));
    request.reasoning().ifPresent(r -> reasoningEffort(chat, r, reasoningModel));
    request.temperature().ifPresent(t -> chat.put("temperature", t));
    request.topP().ifPresent(p -> chat.put("top_p", p));
    request.maxOutputTokens().ifPresent(m -> chat.put("max_completion_tokens", m));
    request.user().ifPresent(u -> chat.put("user", u));
    if (request.stream()) {
      chat.put("stream", true);
      chat.putObject("stream_options").put("include_usage", true);
    }
    return chat;
  }

  private static void responseFormat(ObjectNode chat, ObjectNode format) {
    switch (format.get("type").asText()) {
      case "json_object" -> chat.putObject("response_format").put("type", "json_object");
      case "json_schema" -> {
        ObjectNode schema =
            chat.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        schema.put("name", format.get("name").asText());
        if (format.hasNonNull("description")) {
          schema.set("description", format.get("description"));
        }
        schema.set("schema", format.get("schema"));
        if (format.hasNonNull("strict")) {
          schema.set("strict", format.get("strict"));
        }
      }
      default -> {
        // text: the chat default
      }
    }
  }

  private static void reasoningEffort(ObjectNode chat, ObjectNode reasoning, boolean model) {
    JsonNode effort = reasoning.get("effort");
    if (effort == null || effort.isNull()) {
      return;
    }
    if (!model) {
      throw ApiException.invalid(
          "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
          "reasoning.effort",
          "unsupported_parameter");
    }
    // Chat models know low, medium and high; minimal is the least they offer.
    String value = effort.asText().equals("minimal") ? "low" : effort.asText();
    chat.put("reasoning_effort", value);
  }

  private static void addItem(ArrayNode messages, ObjectNode item) {
    switch (item.get("type").asText()) {
      case "message" -> messages.add(message(item));
      case "function_call" -> {
        ObjectNode last =
            messages.isEmpty() ? null : (ObjectNode) messages.get(messages.size() - 1);
        if (last == null || !last.get("role").asText().equals("assistant")) {
          last = messages.addObject().put("role", "assistant").putNull("content");
        }
        ArrayNode calls =
            last.has("tool_calls")
                ? (ArrayNode) last.get("tool_calls")
                : last.putArray("tool_calls");
        ObjectNode call = calls.addObject();
        call.put("id", item.get("call_id").asText());
        call.put("type", "function");
        call.putObject("function")
            .put("name", item.get("name").asText())
            .put("arguments", item.get("arguments").asText());
      }
      case "function_call_output" ->
          messages
              .addObject()
              .put("role", "tool")
              .put("tool_call_id", item.get("call_id").asText())
              .put("content", item.get("output").asText());
      default -> {
        // Other stored items (reasoning) carry nothing a chat model reads.
      }
    }
  }

  private static ObjectNode message(ObjectNode item) {
    String role = item.get("role").asText();
    ObjectNode message = NODES.objectNode().put("role", role);
    JsonNode content = item.get("content");
    boolean onlyText = true;
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      switch (part.get("type").asText()) {
        case "input_text", "output_text" -> text.append(part.get("text").asText());
        case "refusal" -> text.append(part.get("refusal").asText());
        default -> onlyText = false;
      }
    }
    if (onlyText || role.equals("assistant")) {
      message.put("content", text.toString());
      return message;
    }
    ArrayNode parts = message.putArray("content");
    for (JsonNode part : content) {
      switch (part.get("type").asText()) {
        case "input_text", "output_text" ->
            parts.addObject().put("type", "text").put("text", part.get("text").asText());
        case "input_image" -> {
          ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url");
          image.put("url", part.path("image_url").asText(""));
          if (part.hasNonNull("detail")) {
            image.set("detail", part.get("detail"));
          }
        }
        default -> {
          // Files are not read by chat models through this translation.
        }
      }
    }
    return message;
  }
}
