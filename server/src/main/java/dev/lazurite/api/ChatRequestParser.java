package dev.lazurite.api;

import static dev.lazurite.api.Fields.array;
import static dev.lazurite.api.Fields.bool;
import static dev.lazurite.api.Fields.decimal;
import static dev.lazurite.api.Fields.integer;
import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;
import static dev.lazurite.api.Fields.object;
import static dev.lazurite.api.Fields.present;
import static dev.lazurite.api.Fields.required;
import static dev.lazurite.api.Fields.requiredString;
import static dev.lazurite.api.Fields.smallInteger;
import static dev.lazurite.api.Fields.string;
import static dev.lazurite.api.Fields.stringOrArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Validates a chat completions body against what the given api-version accepts. */
public final class ChatRequestParser {
  /** Each parameter and the first api-version date that knows it. */
  private static final Map<String, String> PARAMS_SINCE = new LinkedHashMap<>();

  static {
    for (String p :
        List.of(
            "messages",
            "model",
            "temperature",
            "top_p",
            "n",
            "stream",
            "stop",
            "max_tokens",
            "presence_penalty",
            "frequency_penalty",
            "logit_bias",
            "user",
            "logprobs",
            "top_logprobs")) {
      PARAMS_SINCE.put(p, "0000-00-00");
    }
    PARAMS_SINCE.put("functions", "2023-07-01");
    PARAMS_SINCE.put("function_call", "2023-07-01");
    PARAMS_SINCE.put("tools", "2023-12-01");
    PARAMS_SINCE.put("tool_choice", "2023-12-01");
    PARAMS_SINCE.put("response_format", "2023-12-01");
    PARAMS_SINCE.put("seed", "2023-12-01");
    PARAMS_SINCE.put("data_sources", "2024-02-01");
    PARAMS_SINCE.put("stream_options", "2024-08-01");
    PARAMS_SINCE.put("max_completion_tokens", "2024-09-01");
    PARAMS_SINCE.put("parallel_tool_calls", "2024-09-01");
    PARAMS_SINCE.put("store", "2024-12-01");
    PARAMS_SINCE.put("metadata", "2024-12-01");
    PARAMS_SINCE.put("reasoning_effort", "2024-12-01");
    PARAMS_SINCE.put("user_security_context", "2024-12-01");
    PARAMS_SINCE.put("prediction", "2025-01-01");
    PARAMS_SINCE.put("modalities", "2025-01-01");
    PARAMS_SINCE.put("audio", "2025-01-01");
  }

  private static final List<String> ROLES =
      List.of("system", "assistant", "user", "function", "tool", "developer");
  private static final List<String> PART_TYPES =
      List.of("text", "image_url", "input_audio", "refusal", "file");
  private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  /** The most messages one request may carry. */
  static final int MAX_MESSAGES = 2048;

  /** The most tools (or functions) one request may declare. */
  static final int MAX_TOOLS = 128;

  /** The parameters each api-version date accepts; the dates are the few the service knows. */
  private static final Map<String, Set<String>> ALLOWED = new ConcurrentHashMap<>();

  private ChatRequestParser() {}

  private static Set<String> allowedOn(String apiDate) {
    Set<String> allowed = new HashSet<>();
    for (Map.Entry<String, String> param : PARAMS_SINCE.entrySet()) {
      if (param.getValue().compareTo(apiDate) <= 0) {
        allowed.add(param.getKey());
      }
    }
    return Set.copyOf(allowed);
  }

  /**
   * @param apiDate the date of the request's api-version ({@link ApiVersion#V1_DATE} on v1)
   */
  public static ChatRequest parse(ObjectNode body, String apiDate) {
    Fields.rejectUnknown(body, ALLOWED.computeIfAbsent(apiDate, ChatRequestParser::allowedOn));

    List<ChatRequest.Message> messages = messages(body);
    decimal(body, "temperature", "temperature", 0, 2);
    decimal(body, "top_p", "top_p", 0, 1);
    decimal(body, "presence_penalty", "presence_penalty", -2, 2);
    decimal(body, "frequency_penalty", "frequency_penalty", -2, 2);
    Fields.logitBias(body);
    string(body, "user", "user");
    int n = smallInteger(body, "n", "n", 1, 128).orElse(1);
    List<String> stop = stringOrArray(body, "stop", "stop", 4);
    var seed = integer(body, "seed", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    OptionalInt maxTokens = smallInteger(body, "max_tokens", "max_tokens", 1, Integer.MAX_VALUE);
    OptionalInt maxCompletion =
        smallInteger(body, "max_completion_tokens", "max_completion_tokens", 1, Integer.MAX_VALUE);
    boolean logprobs = bool(body, "logprobs", "logprobs", false);
    int topLogprobs = smallInteger(body, "top_logprobs", "top_logprobs", 0, 20).orElse(0);
    if (present(body, "top_logprobs") != null && !logprobs) {
      throw ApiException.invalid(
          "Invalid parameter: 'top_logprobs' is only allowed when 'logprobs' is enabled.",
          "top_logprobs",
          "invalid_parameter");
    }
    boolean stream = bool(body, "stream", "stream", false);
    boolean includeUsage = streamOptions(body, stream);
    List<ChatRequest.Tool> tools = tools(body);
    ChatRequest.ToolChoice toolChoice = toolChoice(body, tools);
    boolean parallel = bool(body, "parallel_tool_calls", "parallel_tool_calls", true);
    ChatRequest.ResponseFormat format = responseFormat(body, apiDate);
    if (present(body, "data_sources") != null) {
      dev.lazurite.ondata.DataSourceParser.parse(body.get("data_sources"));
      if (logprobs) {
        throw ApiException.invalid(
            "Invalid parameter: 'logprobs' cannot be used together with 'data_sources'.",
            "logprobs",
            "invalid_parameter");
      }
    }
    return new ChatRequest(
        body,
        messages,
        tools,
        toolChoice,
        parallel,
        format,
        n,
        stop,
        seed,
        maxCompletion.isPresent() ? maxCompletion : maxTokens,
        maxCompletion.isPresent() ? "max_completion_tokens" : "max_tokens",
        logprobs,
        topLogprobs,
        stream,
        includeUsage,
        0);
  }

  private static boolean streamOptions(ObjectNode body, boolean stream) {
    ObjectNode options = object(body, "stream_options", "stream_options");
    if (options == null) {
      return false;
    }
    if (!stream) {
      throw ApiException.invalid(
          "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
          "stream_options",
          "invalid_value");
    }
    return bool(options, "include_usage", "stream_options.include_usage", false);
  }

  private static List<ChatRequest.Message> messages(ObjectNode body) {
    JsonNode node = required(body, "messages", "messages");
    if (!node.isArray()) {
      throw invalidType("messages", "an array", node);
    }
    if (node.isEmpty()) {
      throw ApiException.invalid(
          "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an"
              + " empty array instead.",
          "messages",
          "empty_array");
    }
    if (node.size() > MAX_MESSAGES) {
      throw Fields.arrayTooLong("messages", MAX_MESSAGES, node.size());
    }
    List<ChatRequest.Message> messages = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      messages.add(message(node.get(i), "messages[" + i + "]"));
    }
    return messages;
  }

  private static ChatRequest.Message message(JsonNode node, String path) {
    if (!node.isObject()) {
      throw invalidType(path, "an object", node);
    }
    String role = requiredString(node, "role", path + ".role");
    if (!ROLES.contains(role)) {
      throw invalidValue(path + ".role", role, ROLES);
    }
    String name = string(node, "name", path + ".name").orElse("");
    List<ChatRequest.ToolCall> toolCalls = toolCalls(node, path);
    JsonNode content = present(node, "content");
    boolean contentOptional = role.equals("assistant");
    if (content == null && !contentOptional) {
      throw ApiException.invalid(
          "Missing required parameter: '" + path + ".content'.",
          path + ".content",
          "missing_required_parameter");
    }
    StringBuilder text = new StringBuilder();
    int images = 0;
    if (content != null && content.isTextual()) {
      text.append(content.asText());
    } else if (content != null && content.isArray()) {
      for (int i = 0; i < content.size(); i++) {
        String partPath = path + ".content[" + i + "]";
        JsonNode part = content.get(i);
        if (!part.isObject()) {
          throw invalidType(partPath, "an object", part);
        }
        String type = requiredString(part, "type", partPath + ".type");
        switch (type) {
          case "text" -> text.append(requiredString(part, "text", partPath + ".text"));
          case "refusal" -> text.append(requiredString(part, "refusal", partPath + ".refusal"));
          case "image_url" -> {
            JsonNode image = required(part, "image_url", partPath + ".image_url");
            requiredString(image, "url", partPath + ".image_url.url");
            images++;
          }
          case "input_audio", "file" -> required(part, type, partPath + "." + type);
          default -> throw invalidValue(partPath + ".type", type, PART_TYPES);
        }
      }
    } else if (content != null) {
      throw invalidType(path + ".content", "a string or an array", content);
    }
    String toolCallId = "";
    if (role.equals("tool")) {
      toolCallId = requiredString(node, "tool_call_id", path + ".tool_call_id");
    }
    return new ChatRequest.Message(role, text.toString(), name, toolCalls, toolCallId, images);
  }

  private static List<ChatRequest.ToolCall> toolCalls(JsonNode message, String path) {
    JsonNode calls = array(message, "tool_calls", path + ".tool_calls");
    if (calls == null) {
      return List.of();
    }
    List<ChatRequest.ToolCall> result = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String callPath = path + ".tool_calls[" + i + "]";
      JsonNode call = calls.get(i);
      JsonNode function = required(call, "function", callPath + ".function");
      result.add(
          new ChatRequest.ToolCall(
              requiredString(call, "id", callPath + ".id"),
              requiredString(function, "name", callPath + ".function.name"),
              requiredString(function, "arguments", callPath + ".function.arguments")));
    }
    return result;
  }

  private static List<ChatRequest.Tool> tools(ObjectNode body) {
    JsonNode node = array(body, "tools", "tools");
    List<ChatRequest.Tool> tools = new ArrayList<>();
    if (node != null) {
      if (node.size() > MAX_TOOLS) {
        throw Fields.arrayTooLong("tools", MAX_TOOLS, node.size());
      }
      for (int i = 0; i < node.size(); i++) {
        String path = "tools[" + i + "]";
        JsonNode tool = node.get(i);
        String type = requiredString(tool, "type", path + ".type");
        if (!type.equals("function")) {
          throw invalidValue(path + ".type", type, List.of("function"));
        }
        tools.add(function(required(tool, "function", path + ".function"), path + ".function"));
      }
    }
    JsonNode functions = array(body, "functions", "functions");
    if (functions != null) {
      if (functions.size() > MAX_TOOLS) {
        throw Fields.arrayTooLong("functions", MAX_TOOLS, functions.size());
      }
      for (int i = 0; i < functions.size(); i++) {
        tools.add(function(functions.get(i), "functions[" + i + "]"));
      }
    }
    return tools;
  }

  private static ChatRequest.Tool function(JsonNode function, String path) {
    String name = requiredString(function, "name", path + ".name");
    if (!FUNCTION_NAME.matcher(name).matches()) {
      throw ApiException.invalid(
          "Invalid '%s.name': string does not match pattern. Expected a string that matches the"
                  .formatted(path)
              + " pattern '^[a-zA-Z0-9_-]+$'.",
          path + ".name",
          "invalid_value");
    }
    String description = string(function, "description", path + ".description").orElse("");
    ObjectNode parameters = object(function, "parameters", path + ".parameters");
    if (parameters != null) {
      JsonSchemas.checkFunction(parameters, name, path + ".parameters");
    }
    return new ChatRequest.Tool(
        name, description, parameters == null ? JsonNodeFactory.instance.objectNode() : parameters);
  }

  private static ChatRequest.ToolChoice toolChoice(ObjectNode body, List<ChatRequest.Tool> tools) {
    JsonNode choice = present(body, "tool_choice");
    if (choice == null) {
      choice = present(body, "function_call");
    }
    if (choice == null) {
      return tools.isEmpty() ? ChatRequest.ToolChoice.NONE : ChatRequest.ToolChoice.AUTO;
    }
    if (choice.isTextual()) {
      String mode = choice.asText();
      if (!List.of("none", "auto", "required").contains(mode)) {
        throw invalidValue("tool_choice", mode, List.of("none", "auto", "required"));
      }
      if (!mode.equals("none") && tools.isEmpty()) {
        throw ApiException.invalid(
            "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are"
                + " specified.",
            "tool_choice",
            null);
      }
      return new ChatRequest.ToolChoice(mode, "");
    }
    if (!choice.isObject()) {
      throw invalidType("tool_choice", "a string or an object", choice);
    }
    JsonNode function = present(choice, "function");
    String name =
        function != null
            ? requiredString(function, "name", "tool_choice.function.name")
            : requiredString(choice, "name", "tool_choice.name");
    if (!declares(tools, name)) {
      throw ApiException.invalid(
          "Invalid value for 'tool_choice': no function named '"
              + name
              + "' was specified in the"
              + " 'tools' parameter.",
          "tool_choice",
          null);
    }
    return new ChatRequest.ToolChoice("function", name);
  }

  private static boolean declares(List<ChatRequest.Tool> tools, String name) {
    for (ChatRequest.Tool tool : tools) {
      if (tool.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static ChatRequest.ResponseFormat responseFormat(ObjectNode body, String apiDate) {
    ObjectNode format = object(body, "response_format", "response_format");
    if (format == null) {
      return ChatRequest.ResponseFormat.TEXT;
    }
    String type = requiredString(format, "type", "response_format.type");
    List<String> types =
        apiDate.compareTo("2024-08-01") >= 0
            ? List.of("text", "json_object", "json_schema")
            : List.of("text", "json_object");
    if (!types.contains(type)) {
      throw invalidValue("response_format.type", type, types);
    }
    if (!type.equals("json_schema")) {
      return new ChatRequest.ResponseFormat(
          type, "", com.fasterxml.jackson.databind.node.NullNode.instance);
    }
    JsonNode schema = required(format, "json_schema", "response_format.json_schema");
    String name = requiredString(schema, "name", "response_format.json_schema.name");
    ObjectNode definition = object(schema, "schema", "response_format.json_schema.schema");
    if (definition != null) {
      JsonSchemas.checkResponseFormat(definition, name);
    }
    return new ChatRequest.ResponseFormat(
        type, name, definition == null ? JsonNodeFactory.instance.objectNode() : definition);
  }
}
