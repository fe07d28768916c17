package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.translate.ChatTurns;
import dev.lazurite.backend.translate.DataUrl;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat completions request as Gemini's {@code generateContent} takes it. System and developer
 * messages become {@code systemInstruction}; user and tool turns the {@code user} role and
 * assistant turns the {@code model} role, consecutive turns of one role merged. An assistant's
 * {@code tool_calls} become {@code functionCall} parts, and a {@code tool} message a {@code
 * functionResponse} part named after the call it answers. Images become {@code inlineData} (data
 * URLs) or {@code fileData} (other URLs). Tools become {@code functionDeclarations} with their JSON
 * schema, {@code tool_choice} a {@code toolConfig}; {@code response_format} sets {@code
 * responseMimeType} and, for {@code json_schema}, {@code responseJsonSchema}; {@code temperature},
 * {@code top_p}, {@code max_tokens}, {@code stop}, {@code n}, {@code seed} and the penalties go to
 * {@code generationConfig}.
 */
final class GenerateRequest {
  private GenerateRequest() {}

  static ObjectNode body(ChatRequest request) {
    if (request.logprobs()) {
      throw ApiException.invalid(
          "This deployment's model does not return log probabilities.", "logprobs", null);
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    List<String> system = new ArrayList<>();
    for (ChatRequest.Message message : request.messages()) {
      if (ChatTurns.isSystem(message) && !message.text().isEmpty()) {
        system.add(message.text());
      }
    }
    if (!system.isEmpty()) {
      body.putObject("systemInstruction")
          .putArray("parts")
          .addObject()
          .put("text", String.join("\n\n", system));
    }
    body.set("contents", contents(request));
    tools(request, body);
    ObjectNode config = generationConfig(request);
    if (!config.isEmpty()) {
      body.set("generationConfig", config);
    }
    return body;
  }

  private static ArrayNode contents(ChatRequest request) {
    ArrayNode contents = Json.MAPPER.createArrayNode();
    JsonNode rawMessages = request.raw().path("messages");
    Map<String, String> callNames = new HashMap<>();
    for (int i = 0; i < request.messages().size(); i++) {
      ChatRequest.Message message = request.messages().get(i);
      if (ChatTurns.isSystem(message)) {
        continue;
      }
      ArrayNode parts = ChatTurns.items(contents, ChatTurns.role(message, i, "model"), "parts");
      if (message.role().equals("tool")) {
        functionResponse(message, callNames, i, parts);
        continue;
      }
      parts(message, rawMessages.path(i).path("content"), i, parts);
      for (ChatRequest.ToolCall call : message.toolCalls()) {
        callNames.put(call.id(), call.name());
        parts
            .addObject()
            .putObject("functionCall")
            .put("name", call.name())
            .set("args", ChatTurns.arguments(call, i));
      }
    }
    return contents;
  }

  private static void functionResponse(
      ChatRequest.Message message, Map<String, String> callNames, int i, ArrayNode parts) {
    String name = callNames.get(message.toolCallId());
    if (name == null) {
      throw ApiException.invalid(
          "The tool message answers '%s', which no earlier assistant message called."
              .formatted(message.toolCallId()),
          "messages[%d].tool_call_id".formatted(i),
          null);
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.put("content", message.text());
    parts.addObject().putObject("functionResponse").put("name", name).set("response", response);
  }

  private static void parts(ChatRequest.Message message, JsonNode raw, int i, ArrayNode parts) {
    ChatTurns.eachPart(message, raw, t -> text(parts, t), url -> image(parts, url, i));
  }

  private static void text(ArrayNode parts, String text) {
    if (!text.isEmpty()) {
      parts.addObject().put("text", text);
    }
  }

  /** A data URL as inline data, anything else as a file URI. */
  private static void image(ArrayNode parts, String url, int i) {
    Optional<DataUrl> inline = DataUrl.parse(url, i);
    if (inline.isPresent()) {
      parts
          .addObject()
          .putObject("inlineData")
          .put("mimeType", inline.get().mediaType())
          .put("data", inline.get().data());
    } else {
      parts.addObject().putObject("fileData").put("mimeType", mimeType(url)).put("fileUri", url);
    }
  }

  private static String mimeType(String url) {
    String path = url.toLowerCase(java.util.Locale.ROOT);
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    if (path.endsWith(".png")) {
      return "image/png";
    }
    if (path.endsWith(".webp")) {
      return "image/webp";
    }
    if (path.endsWith(".gif")) {
      return "image/gif";
    }
    return "image/jpeg";
  }

  private static void tools(ChatRequest request, ObjectNode body) {
    if (request.tools().isEmpty()) {
      return;
    }
    ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
    for (ChatRequest.Tool tool : request.tools()) {
      ObjectNode entry = declarations.addObject().put("name", tool.name());
      if (!tool.description().isEmpty()) {
        entry.put("description", tool.description());
      }
      if (tool.parameters() instanceof ObjectNode schema && !schema.isEmpty()) {
        entry.set("parametersJsonSchema", schema);
      }
    }
    ObjectNode calling = body.putObject("toolConfig").putObject("functionCallingConfig");
    switch (request.toolChoice().mode()) {
      case "none" -> calling.put("mode", "NONE");
      case "required" -> calling.put("mode", "ANY");
      case "function" ->
          calling
              .put("mode", "ANY")
              .putArray("allowedFunctionNames")
              .add(request.toolChoice().function());
      default -> calling.put("mode", "AUTO");
    }
  }

  private static ObjectNode generationConfig(ChatRequest request) {
    ObjectNode config = Json.MAPPER.createObjectNode();
    JsonNode raw = request.raw();
    if (raw.path("temperature").isNumber()) {
      config.put("temperature", raw.path("temperature").asDouble());
    }
    if (raw.path("top_p").isNumber()) {
      config.put("topP", raw.path("top_p").asDouble());
    }
    if (raw.path("presence_penalty").isNumber()) {
      config.put("presencePenalty", raw.path("presence_penalty").asDouble());
    }
    if (raw.path("frequency_penalty").isNumber()) {
      config.put("frequencyPenalty", raw.path("frequency_penalty").asDouble());
    }
    request.maxTokens().ifPresent(max -> config.put("maxOutputTokens", max));
    request.seed().ifPresent(seed -> config.put("seed", seed));
    if (!request.stop().isEmpty()) {
      ArrayNode stop = config.putArray("stopSequences");
      request.stop().forEach(stop::add);
    }
    if (request.n() > 1) {
      config.put("candidateCount", request.n());
    }
    switch (request.responseFormat().type()) {
      case "json_object" -> config.put("responseMimeType", "application/json");
      case "json_schema" -> {
        config.put("responseMimeType", "application/json");
        if (request.responseFormat().schema() instanceof ObjectNode schema && !schema.isEmpty()) {
          config.set("responseJsonSchema", schema);
        }
      }
      default -> {}
    }
    return config;
  }
}
