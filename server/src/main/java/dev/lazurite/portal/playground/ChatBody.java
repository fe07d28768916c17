package dev.lazurite.portal.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chat completions request the playground sends, built from its form: the conversation and
 * parameters as the page assembled them, the tool definitions typed into the page (checked here, so
 * that a typo gets a message naming the line and column), and an On Your Data source over one of
 * this server's search indexes. Everything else is checked by the data plane as for any client.
 */
final class ChatBody {
  /** How much of a conversation the playground sends, in characters of its form fields. */
  static final int MAX_CHARS = 1 << 20;

  /** Azure's limit on the number of tools of one request. */
  static final int MAX_TOOLS = 128;

  private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private ChatBody() {}

  /**
   * @param request the conversation and parameters, a JSON object
   * @param tools the tool definitions as typed, a JSON array; blank for none
   * @param data the index to ground answers in, with its query type
   */
  static ObjectNode build(String request, String tools, Optional<Grounding> data) {
    if (request.length() + tools.length() > MAX_CHARS) {
      throw ApiException.of(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "The conversation is too long for the playground (over "
              + MAX_CHARS / 1024
              + " KiB). Clear the chat and start again.");
    }
    JsonNode parsed = parse(request, "the request");
    if (!(parsed instanceof ObjectNode body)) {
      throw invalid("The request must be a JSON object.");
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw invalid("The request needs at least one message.");
    }
    body.remove("data_sources");
    body.remove("tools");
    body.put("stream", true);
    if (!tools.isBlank()) {
      body.set("tools", tools(tools));
    }
    data.ifPresent(d -> body.set("data_sources", dataSources(d)));
    return body;
  }

  /** An index and how to query it, as the form chose them. */
  record Grounding(DataChoice index, String queryType) {}

  static ArrayNode tools(String text) {
    JsonNode parsed = parse(text, "the tool definitions");
    if (!(parsed instanceof ArrayNode array)) {
      throw invalid("The tool definitions must be a JSON array of {\"type\": \"function\", ...}.");
    }
    if (array.size() > MAX_TOOLS) {
      throw invalid("At most " + MAX_TOOLS + " tools may be defined, got " + array.size() + ".");
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode tool = array.get(i);
      String at = "Tool " + (i + 1) + ": ";
      if (!tool.isObject() || !"function".equals(tool.path("type").asText(""))) {
        throw invalid(at + "each tool must be an object with \"type\": \"function\".");
      }
      JsonNode function = tool.path("function");
      if (!function.isObject()) {
        throw invalid(at + "\"function\" must be an object with a \"name\".");
      }
      String name = function.path("name").asText("");
      if (!function.path("name").isTextual() || !FUNCTION_NAME.matcher(name).matches()) {
        throw invalid(
            at + "\"function.name\" must be 1 to 64 letters, digits, underscores or dashes.");
      }
      JsonNode parameters = function.path("parameters");
      if (!parameters.isMissingNode() && !parameters.isObject()) {
        throw invalid(at + "\"function.parameters\" must be a JSON Schema object.");
      }
    }
    return array;
  }

  static ArrayNode dataSources(Grounding data) {
    ArrayNode sources = Json.MAPPER.createArrayNode();
    ObjectNode parameters = sources.addObject().put("type", "azure_search").putObject("parameters");
    parameters
        .put("endpoint", endpoint(data.index().service()))
        .put("index_name", data.index().index())
        .put("query_type", data.queryType());
    parameters.putObject("authentication").put("type", "system_assigned_managed_identity");
    if (data.queryType().contains("semantic") && !data.index().semanticConfiguration().isEmpty()) {
      parameters.put("semantic_configuration", data.index().semanticConfiguration());
    }
    return sources;
  }

  /** The Azure-shaped name of one of this server's search services, as On Your Data takes it. */
  static String endpoint(String service) {
    return "https://" + service + ".search.windows.net";
  }

  private static JsonNode parse(String text, String what) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw invalid(
          "Could not read "
              + what
              + " as JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage());
    }
  }

  private static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
