package dev.lazurite.api.responses;

import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;
import static dev.lazurite.api.Fields.present;
import static dev.lazurite.api.Fields.requiredString;
import static dev.lazurite.api.Fields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a request's {@code input} (a string, or an array of messages, function calls and
 * function call outputs) and writes each item in its full form with an id, as {@code input_items}
 * lists them.
 */
final class InputItems {
  /** The most items one request may carry. */
  static final int MAX_ITEMS = 2048;

  private static final List<String> ITEM_TYPES =
      List.of("message", "function_call", "function_call_output", "file_search_call");
  private static final List<String> ROLES = List.of("user", "assistant", "system", "developer");
  private static final List<String> INPUT_PARTS =
      List.of("input_text", "output_text", "refusal", "input_image", "input_file");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InputItems() {}

  static List<ObjectNode> parse(JsonNode input) {
    if (input.isTextual()) {
      return List.of(message("user", List.of(part("input_text", input.asText()))));
    }
    if (!input.isArray()) {
      throw invalidType("input", "a string or an array", input);
    }
    if (input.isEmpty()) {
      throw ApiException.invalid(
          "Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty"
              + " array instead.",
          "input",
          "empty_array");
    }
    if (input.size() > MAX_ITEMS) {
      throw Fields.arrayTooLong("input", MAX_ITEMS, input.size());
    }
    List<ObjectNode> items = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      items.add(item(input.get(i), "input[" + i + "]"));
    }
    return items;
  }

  private static ObjectNode item(JsonNode node, String path) {
    if (!node.isObject()) {
      throw invalidType(path, "an object", node);
    }
    String type = string(node, "type", path + ".type").orElse("message");
    return switch (type) {
      case "message" -> messageItem(node, path);
      case "function_call" -> {
        ObjectNode call = NODES.objectNode();
        call.put("id", string(node, "id", path + ".id").orElseGet(ResponseIds::functionCall));
        call.put("type", "function_call");
        call.put("status", "completed");
        call.put("call_id", requiredString(node, "call_id", path + ".call_id"));
        call.put("name", requiredString(node, "name", path + ".name"));
        call.put("arguments", requiredString(node, "arguments", path + ".arguments"));
        yield call;
      }
      case "function_call_output" -> {
        ObjectNode out = NODES.objectNode();
        out.put("id", string(node, "id", path + ".id").orElseGet(ResponseIds::functionCallOutput));
        out.put("type", "function_call_output");
        out.put("status", "completed");
        out.put("call_id", requiredString(node, "call_id", path + ".call_id"));
        out.put("output", requiredString(node, "output", path + ".output"));
        yield out;
      }
      case "file_search_call" -> fileSearchCall(node, path);
      default -> throw invalidValue(path + ".type", type, ITEM_TYPES);
    };
  }

  /**
   * A file search call of an earlier answer, given back as input (a client that keeps its own
   * conversation): kept as it was, the model reads nothing of it (its answer carries the text).
   */
  private static ObjectNode fileSearchCall(JsonNode node, String path) {
    ObjectNode call = NODES.objectNode();
    call.put("id", requiredString(node, "id", path + ".id"));
    call.put("type", "file_search_call");
    call.put("status", string(node, "status", path + ".status").orElse("completed"));
    JsonNode queries = Fields.required(node, "queries", path + ".queries");
    if (!queries.isArray()) {
      throw invalidType(path + ".queries", "an array", queries);
    }
    for (int i = 0; i < queries.size(); i++) {
      if (!queries.get(i).isTextual()) {
        throw invalidType(path + ".queries[" + i + "]", "a string", queries.get(i));
      }
    }
    call.set("queries", queries.deepCopy());
    JsonNode results = present(node, "results");
    if (results != null && !results.isArray()) {
      throw invalidType(path + ".results", "an array or null", results);
    }
    call.set("results", results == null ? NODES.nullNode() : results.deepCopy());
    return call;
  }

  private static ObjectNode messageItem(JsonNode node, String path) {
    String role = requiredString(node, "role", path + ".role");
    if (!ROLES.contains(role)) {
      throw invalidValue(path + ".role", role, ROLES);
    }
    JsonNode content = Fields.required(node, "content", path + ".content");
    String textType = role.equals("assistant") ? "output_text" : "input_text";
    List<ObjectNode> parts = new ArrayList<>();
    if (content.isTextual()) {
      parts.add(part(textType, content.asText()));
    } else if (content.isArray()) {
      for (int j = 0; j < content.size(); j++) {
        parts.add(contentPart(content.get(j), path + ".content[" + j + "]"));
      }
    } else {
      throw invalidType(path + ".content", "a string or an array", content);
    }
    ObjectNode item = message(role, parts);
    string(node, "id", path + ".id").ifPresent(id -> item.put("id", id));
    return item;
  }

  private static ObjectNode contentPart(JsonNode node, String path) {
    if (!node.isObject()) {
      throw invalidType(path, "an object", node);
    }
    String type = requiredString(node, "type", path + ".type");
    if (!INPUT_PARTS.contains(type)) {
      throw invalidValue(path + ".type", type, INPUT_PARTS);
    }
    ObjectNode part = ((ObjectNode) node).deepCopy();
    switch (type) {
      case "input_text", "output_text" -> requiredString(node, "text", path + ".text");
      case "refusal" -> requiredString(node, "refusal", path + ".refusal");
      default -> {
        if (present(node, "image_url") == null
            && present(node, "file_id") == null
            && present(node, "file_data") == null) {
          throw ApiException.invalid(
              "Missing required parameter: '" + path + ".image_url'.",
              path + ".image_url",
              "missing_required_parameter");
        }
      }
    }
    return part;
  }

  private static ObjectNode message(String role, List<ObjectNode> parts) {
    ObjectNode item = NODES.objectNode();
    item.put("id", ResponseIds.message());
    item.put("type", "message");
    item.put("role", role);
    item.put("status", "completed");
    ArrayNode content = item.putArray("content");
    parts.forEach(content::add);
    return item;
  }

  private static ObjectNode part(String type, String text) {
    ObjectNode part = NODES.objectNode();
    part.put("type", type);
    part.put("text", text);
    return part;
  }
}
