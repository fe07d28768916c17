package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.translate.ChatTurns;
import dev.lazurite.backend.translate.DataUrl;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chat completions request as Anthropic's Messages API takes it. System and developer messages
 * become {@code system}; an assistant's {@code tool_calls} become {@code tool_use} blocks and
 * {@code tool} messages {@code tool_result} blocks of a user turn; consecutive turns of one role
 * are merged, as the Messages API wants user and assistant turns to alternate. Tools, {@code
 * tool_choice}, {@code stop}, {@code temperature} (capped at 1, Anthropic's maximum), {@code top_p}
 * and {@code user} carry over; {@code max_tokens}, which Anthropic requires, defaults to the
 * model's output limit.
 *
 * <p>Structured output ({@code response_format} {@code json_schema}) is asked as a forced call of
 * one tool whose input schema is the requested schema: the answer translates the tool's input back
 * into the message text ({@link #SCHEMA_TOOL}). {@code json_object} adds a system instruction.
 */
final class MessagesRequest {
  /** The name of the tool that carries a {@code json_schema} answer. */
  static final String SCHEMA_TOOL = "json_response";

  private static final int DEFAULT_MAX_TOKENS = 4_096;
  private static final String JSON_OBJECT_INSTRUCTION =
      "Answer with one JSON object only, with no text before or after it.";

  private MessagesRequest() {}

  /** Whether the answer's {@link #SCHEMA_TOOL} call is the message text. */
  static boolean schemaForced(ChatRequest request) {
    return request.responseFormat().type().equals("json_schema");
  }

  static ObjectNode body(ChatRequest request, String model, ModelSpec spec, boolean stream) {
    if (request.n() > 1) {
      throw ApiException.invalid(
          "This deployment's model returns one choice; 'n' must be 1.", "n", null);
    }
    if (request.logprobs()) {
      throw ApiException.invalid(
          "This deployment's model does not return log probabilities.", "logprobs", null);
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model);
    body.put("max_tokens", maxTokens(request, spec));
    String system = system(request);
    if (!system.isEmpty()) {
      body.put("system", system);
    }
    body.set("messages", messages(request));
    JsonNode raw = request.raw();
    if (raw.path("temperature").isNumber()) {
      body.put("temperature", Math.min(1.0, raw.path("temperature").asDouble()));
    }
    if (raw.path("top_p").isNumber()) {
      body.put("top_p", raw.path("top_p").asDouble());
    }
    if (!request.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop_sequences");
      request.stop().forEach(stop::add);
    }
    if (raw.path("user").isTextual() && !raw.path("user").asText().isEmpty()) {
      body.putObject("metadata").put("user_id", raw.path("user").asText());
    }
    tools(request, body);
    if (stream) {
      body.put("stream", true);
    }
    return body;
  }

  private static int maxTokens(ChatRequest request, ModelSpec spec) {
    if (request.maxTokens().isPresent()) {
      return request.maxTokens().getAsInt();
    }
    return spec.maxOutputTokens() > 0 ? spec.maxOutputTokens() : DEFAULT_MAX_TOKENS;
  }

  private static String system(ChatRequest request) {
    List<String> parts = new ArrayList<>();
    for (ChatRequest.Message message : request.messages()) {
      if (ChatTurns.isSystem(message) && !message.text().isEmpty()) {
        parts.add(message.text());
      }
    }
    if (request.responseFormat().type().equals("json_object")) {
      parts.add(JSON_OBJECT_INSTRUCTION);
    }
    return String.join("\n\n", parts);
  }

  private static ArrayNode messages(ChatRequest request) {
    ArrayNode messages = Json.MAPPER.createArrayNode();
    JsonNode rawMessages = request.raw().path("messages");
    for (int i = 0; i < request.messages().size(); i++) {
      ChatRequest.Message message = request.messages().get(i);
      if (ChatTurns.isSystem(message)) {
        continue;
      }
      ArrayNode content =
          ChatTurns.items(messages, ChatTurns.role(message, i, "assistant"), "content");
      blocks(message, rawMessages.path(i).path("content"), i, content);
    }
    return messages;
  }

  private static void blocks(ChatRequest.Message message, JsonNode raw, int i, ArrayNode content) {
    if (message.role().equals("tool")) {
      content
          .addObject()
          .put("type", "tool_result")
          .put("tool_use_id", message.toolCallId())
          .put("content", message.text());
      return;
    }
    ChatTurns.eachPart(message, raw, t -> text(content, t), url -> image(content, url, i));
    for (ChatRequest.ToolCall call : message.toolCalls()) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", call.id())
          .put("name", call.name())
          .set("input", ChatTurns.arguments(call, i));
    }
  }

  private static void text(ArrayNode content, String text) {
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
  }

  /** A data URL as a base64 source, anything else as a URL source. */
  private static void image(ArrayNode content, String url, int i) {
    ObjectNode source = content.addObject().put("type", "image").putObject("source");
    Optional<DataUrl> inline = DataUrl.parse(url, i);
    if (inline.isPresent()) {
      source
          .put("type", "base64")
          .put("media_type", inline.get().mediaType())
          .put("data", inline.get().data());
    } else {
      source.put("type", "url").put("url", url);
    }
  }

  private static void tools(ChatRequest request, ObjectNode body) {
    boolean forced = schemaForced(request);
    if (request.tools().isEmpty() && !forced) {
      return;
    }
    ArrayNode tools = body.putArray("tools");
    // A forced answer tool leaves the caller's tools uncallable, so they are not sent.
    if (!forced) {
      for (ChatRequest.Tool tool : request.tools()) {
        ObjectNode entry = tools.addObject().put("name", tool.name());
        if (!tool.description().isEmpty()) {
          entry.put("description", tool.description());
        }
        entry.set("input_schema", schema(tool.parameters()));
      }
    }
    ObjectNode choice = body.putObject("tool_choice");
    if (forced) {
      tools
          .addObject()
          .put("name", SCHEMA_TOOL)
          .put("description", "Answer with the response, as this tool's input.")
          .set("input_schema", schema(request.responseFormat().schema()));
      choice.put("type", "tool").put("name", SCHEMA_TOOL);
      return;
    }
    switch (request.toolChoice().mode()) {
      case "none" -> choice.put("type", "none");
      case "required" -> choice.put("type", "any");
      case "function" -> choice.put("type", "tool").put("name", request.toolChoice().function());
      default -> choice.put("type", "auto");
    }
    if (!request.parallelToolCalls() && !request.toolChoice().mode().equals("none")) {
      choice.put("disable_parallel_tool_use", true);
    }
  }

  private static JsonNode schema(JsonNode parameters) {
    if (parameters instanceof ObjectNode object && !object.isEmpty()) {
      return object;
    }
    ObjectNode empty = Json.MAPPER.createObjectNode().put("type", "object");
    empty.putObject("properties");
    return empty;
  }
}
