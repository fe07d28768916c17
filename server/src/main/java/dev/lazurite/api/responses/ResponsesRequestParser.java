package dev.lazurite.api.responses;

import static dev.lazurite.api.Fields.array;
import static dev.lazurite.api.Fields.bool;
import static dev.lazurite.api.Fields.decimal;
import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;
import static dev.lazurite.api.Fields.object;
import static dev.lazurite.api.Fields.present;
import static dev.lazurite.api.Fields.required;
import static dev.lazurite.api.Fields.requiredString;
import static dev.lazurite.api.Fields.smallInteger;
import static dev.lazurite.api.Fields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@code POST /responses} body as the service does, naming the offending field. */
public final class ResponsesRequestParser {
  private static final Set<String> KNOWN =
      Set.of(
          "model",
          "input",
          "instructions",
          "previous_response_id",
          "store",
          "stream",
          "background",
          "tools",
          "tool_choice",
          "text",
          "reasoning",
          "temperature",
          "top_p",
          "max_output_tokens",
          "metadata",
          "parallel_tool_calls",
          "user",
          "truncation",
          "include",
          "service_tier",
          "safety_identifier",
          "prompt_cache_key");
  private static final List<String> TOOL_CHOICES = List.of("none", "auto", "required");
  private static final List<String> FORMATS = List.of("text", "json_object", "json_schema");
  private static final List<String> EFFORTS = List.of("minimal", "low", "medium", "high");
  private static final List<String> TRUNCATIONS = List.of("auto", "disabled");
  private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final int MAX_TOOLS = 128;
  private static final String FILE_SEARCH_RESULTS = "file_search_call.results";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResponsesRequestParser() {}

  public static ResponsesRequest parse(ObjectNode body) {
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw ApiException.invalid("Unknown parameter: '" + name + "'.", name, "unknown_parameter");
      }
    }
    String model = requiredString(body, "model", "model");
    List<ObjectNode> input = InputItems.parse(required(body, "input", "input"));
    boolean store = bool(body, "store", "store", true);
    boolean background = bool(body, "background", "background", false);
    if (background && !store) {
      throw ApiException.invalid(
          "Background mode requires 'store' to be true.", "background", "invalid_value");
    }
    ArrayNode tools = NODES.arrayNode();
    Optional<FileSearchTool> fileSearch = tools(body, tools);
    String truncation = string(body, "truncation", "truncation").orElse("disabled");
    if (!TRUNCATIONS.contains(truncation)) {
      throw invalidValue("truncation", truncation, TRUNCATIONS);
    }
    boolean fileSearchResults = include(body);
    ObjectNode metadata = object(body, "metadata", "metadata");
    return new ResponsesRequest(
        model,
        input,
        string(body, "instructions", "instructions"),
        string(body, "previous_response_id", "previous_response_id"),
        store,
        bool(body, "stream", "stream", false),
        background,
        tools,
        toolChoice(body, tools),
        text(body),
        Optional.ofNullable(reasoning(body)),
        decimal(body, "temperature", "temperature", 0, 2),
        decimal(body, "top_p", "top_p", 0, 1),
        smallInteger(body, "max_output_tokens", "max_output_tokens", 16, Integer.MAX_VALUE),
        metadata == null ? NODES.objectNode() : metadata.deepCopy(),
        bool(body, "parallel_tool_calls", "parallel_tool_calls", true),
        string(body, "user", "user"),
        truncation,
        fileSearch,
        fileSearchResults);
  }

  /** Whether {@code include} asks for {@code file_search_call.results}; each entry a string. */
  private static boolean include(ObjectNode body) {
    JsonNode include = array(body, "include", "include");
    boolean results = false;
    if (include == null) {
      return false;
    }
    for (int i = 0; i < include.size(); i++) {
      JsonNode entry = include.get(i);
      if (!entry.isTextual()) {
        throw invalidType("include[" + i + "]", "a string", entry);
      }
      results |= entry.asText().equals(FILE_SEARCH_RESULTS);
    }
    return results;
  }

  /** Fills {@code out} with the tools as the response repeats them; returns the file search. */
  private static Optional<FileSearchTool> tools(ObjectNode body, ArrayNode out) {
    JsonNode tools = array(body, "tools", "tools");
    FileSearchTool fileSearch = null;
    if (tools == null) {
      return Optional.empty();
    }
    if (tools.size() > MAX_TOOLS) {
      throw Fields.arrayTooLong("tools", MAX_TOOLS, tools.size());
    }
    for (int i = 0; i < tools.size(); i++) {
      String path = "tools[" + i + "]";
      JsonNode tool = tools.get(i);
      if (!tool.isObject()) {
        throw invalidType(path, "an object", tool);
      }
      String type = requiredString(tool, "type", path + ".type");
      if (type.equals(FileSearchTool.TYPE)) {
        if (fileSearch != null) {
          throw ApiException.invalid(
              "Invalid '" + path + "': a request may have one file_search tool.",
              path,
              "invalid_value");
        }
        fileSearch = FileSearchTool.parse(tool, path);
        out.add(fileSearch.echo());
        continue;
      }
      if (!type.equals("function")) {
        throw ApiException.invalid(
            "The tool type '" + type + "' is not supported here; use 'function' or 'file_search'.",
            path + ".type",
            "invalid_value");
      }
      String name = requiredString(tool, "name", path + ".name");
      if (!FUNCTION_NAME.matcher(name).matches()) {
        throw ApiException.invalid(
            "Invalid '"
                + path
                + ".name': string does not match pattern. Expected a string that matches the"
                + " pattern '^[a-zA-Z0-9_-]+$'.",
            path + ".name",
            "invalid_value");
      }
      ObjectNode copy = NODES.objectNode();
      copy.put("type", "function");
      copy.put("name", name);
      copy.put("description", string(tool, "description", path + ".description").orElse(null));
      ObjectNode parameters = object(tool, "parameters", path + ".parameters");
      copy.set("parameters", parameters == null ? NODES.objectNode() : parameters.deepCopy());
      copy.put("strict", bool(tool, "strict", path + ".strict", true));
      out.add(copy);
    }
    return Optional.ofNullable(fileSearch);
  }

  private static JsonNode toolChoice(ObjectNode body, ArrayNode tools) {
    JsonNode choice = present(body, "tool_choice");
    if (choice == null) {
      return TextNode.valueOf("auto");
    }
    if (choice.isTextual()) {
      if (!TOOL_CHOICES.contains(choice.asText())) {
        throw invalidValue("tool_choice", choice.asText(), TOOL_CHOICES);
      }
      return choice;
    }
    if (!choice.isObject()) {
      throw invalidType("tool_choice", "a string or an object", choice);
    }
    String type = requiredString(choice, "type", "tool_choice.type");
    if (type.equals(FileSearchTool.TYPE)) {
      // The gateway searches before the model answers: a forced search is what happens anyway.
      for (JsonNode tool : tools) {
        if (tool.get("type").asText().equals(FileSearchTool.TYPE)) {
          return choice.deepCopy();
        }
      }
      throw ApiException.invalid(
          "Tool choice 'file_search' not found in 'tools' parameter.",
          "tool_choice",
          "invalid_value");
    }
    if (!type.equals("function")) {
      throw invalidValue("tool_choice.type", type, List.of("function", FileSearchTool.TYPE));
    }
    String name = requiredString(choice, "name", "tool_choice.name");
    boolean declared = false;
    for (JsonNode tool : tools) {
      declared |= tool.path("name").asText().equals(name);
    }
    if (!declared) {
      throw ApiException.invalid(
          "Tool choice '" + name + "' not found in 'tools' parameter.",
          "tool_choice",
          "invalid_value");
    }
    return choice.deepCopy();
  }

  private static ObjectNode text(ObjectNode body) {
    ObjectNode text = object(body, "text", "text");
    ObjectNode out = NODES.objectNode();
    ObjectNode format = text == null ? null : object(text, "format", "text.format");
    if (format == null) {
      out.putObject("format").put("type", "text");
      return out;
    }
    String type = requiredString(format, "type", "text.format.type");
    if (!FORMATS.contains(type)) {
      throw invalidValue("text.format.type", type, FORMATS);
    }
    if (type.equals("json_schema")) {
      requiredString(format, "name", "text.format.name");
      Fields.required(format, "schema", "text.format.schema");
      object(format, "schema", "text.format.schema");
      bool(format, "strict", "text.format.strict", false);
      string(format, "description", "text.format.description");
    }
    out.set("format", format.deepCopy());
    return out;
  }

  private static ObjectNode reasoning(ObjectNode body) {
    ObjectNode reasoning = object(body, "reasoning", "reasoning");
    if (reasoning == null) {
      return null;
    }
    Optional<String> effort = string(reasoning, "effort", "reasoning.effort");
    if (effort.isPresent() && !EFFORTS.contains(effort.get())) {
      throw invalidValue("reasoning.effort", effort.get(), EFFORTS);
    }
    string(reasoning, "summary", "reasoning.summary");
    return reasoning.deepCopy();
  }
}
