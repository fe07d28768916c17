package dev.lazurite.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a function's {@code parameters} or a {@code response_format} schema is a JSON Schema
 * within the service's limits, in one pass over the tree: known types, keywords of the right shape,
 * bounded nesting and size, and no {@code $ref} that only ever refers to itself. Failures read as
 * the model service words them: {@code Invalid schema for function 'f': In context=(…), …}.
 */
final class JsonSchemas {
  /** Subschemas nested in one another, at most. */
  static final int MAX_DEPTH = 64;

  /** Subschemas in one schema, at most. */
  static final int MAX_SUBSCHEMAS = 5000;

  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "object", "array", "null");
  private static final List<String> SCHEMA_MAPS =
      List.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  private static final List<String> SCHEMA_LISTS =
      List.of("anyOf", "oneOf", "allOf", "prefixItems");
  private static final List<String> SCHEMAS =
      List.of(
          "items",
          "additionalItems",
          "additionalProperties",
          "unevaluatedItems",
          "unevaluatedProperties",
          "not",
          "contains",
          "if",
          "then",
          "else",
          "propertyNames");

  private final JsonNode root;
  private final String subject;
  private final String param;
  private final String code;
  private final List<Object> context = new ArrayList<>();
  private final Map<JsonNode, Boolean> settledRefs = new IdentityHashMap<>();
  private int subschemas;

  private JsonSchemas(JsonNode root, String subject, String param, String code) {
    this.root = root;
    this.subject = subject;
    this.param = param;
    this.code = code;
  }

  /** A function's parameters: an object schema. */
  static void checkFunction(JsonNode parameters, String name, String path) {
    var check =
        new JsonSchemas(parameters, "function '" + name + "'", path, "invalid_function_parameters");
    JsonNode type = parameters.get("type");
    if (type != null && !(type.isTextual() && type.textValue().equals("object"))) {
      throw check.fail(
          "schema must be a JSON Schema of 'type: \"object\"', got 'type: \"%s\"'."
              .formatted(type.isTextual() ? type.textValue() : type.toString()));
    }
    check.walk(parameters, 0);
  }

  /** A {@code response_format} of type {@code json_schema}. */
  static void checkResponseFormat(JsonNode schema, String name) {
    new JsonSchemas(schema, "response_format '" + name + "'", "response_format", null)
        .walk(schema, 0);
  }

  private void walk(JsonNode schema, int depth) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw failHere(repr(schema) + " is not of type 'object', 'boolean'.");
    }
    if (depth > MAX_DEPTH) {
      throw fail("schema exceeds the maximum nesting depth of " + MAX_DEPTH + ".");
    }
    if (++subschemas > MAX_SUBSCHEMAS) {
      throw fail("schema has more than " + MAX_SUBSCHEMAS + " subschemas.");
    }
    type(schema.get("type"));
    ref(schema);
    array(schema, "enum");
    array(schema, "required");
    for (String keyword : SCHEMA_MAPS) {
      JsonNode map = schema.get(keyword);
      if (map != null) {
        if (!map.isObject()) {
          throw at(keyword, repr(map) + " is not of type 'object'.");
        }
        context.add(keyword);
        for (var it = map.fields(); it.hasNext(); ) {
          var entry = it.next();
          context.add(entry.getKey());
          walk(entry.getValue(), depth + 1);
          context.removeLast();
        }
        context.removeLast();
      }
    }
    for (String keyword : SCHEMA_LISTS) {
      JsonNode list = schema.get(keyword);
      if (list != null) {
        if (!list.isArray()) {
          throw at(keyword, repr(list) + " is not of type 'array'.");
        }
        if (list.isEmpty()) {
          throw at(keyword, "[] is too short.");
        }
        each(keyword, list, depth);
      }
    }
    for (String keyword : SCHEMAS) {
      JsonNode sub = schema.get(keyword);
      if (sub != null && sub.isArray() && keyword.equals("items")) {
        each(keyword, sub, depth);
      } else if (sub != null) {
        context.add(keyword);
        walk(sub, depth + 1);
        context.removeLast();
      }
    }
  }

  private void each(String keyword, JsonNode list, int depth) {
    context.add(keyword);
    for (int i = 0; i < list.size(); i++) {
      context.add(i);
      walk(list.get(i), depth + 1);
      context.removeLast();
    }
    context.removeLast();
  }

  private void type(JsonNode type) {
    if (type == null) {
      return;
    }
    boolean known = type.isTextual() && TYPES.contains(type.textValue());
    if (type.isArray() && !type.isEmpty()) {
      known = true;
      for (JsonNode t : type) {
        known &= t.isTextual() && TYPES.contains(t.textValue());
      }
    }
    if (!known) {
      throw at("type", repr(type) + " is not valid under any of the given schemas.");
    }
  }

  private void array(JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    if (value != null && !value.isArray()) {
      throw at(keyword, repr(value) + " is not of type 'array'.");
    }
  }

  /** A local {@code $ref} must lead, through any chain of references, to a schema. */
  private void ref(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return;
    }
    if (!ref.isTextual()) {
      throw at("$ref", repr(ref) + " is not of type 'string'.");
    }
    Map<JsonNode, Boolean> chain = new IdentityHashMap<>();
    JsonNode node = schema;
    while (node != null && node.path("$ref").isTextual() && !settledRefs.containsKey(node)) {
      if (chain.put(node, Boolean.TRUE) != null) {
        throw at("$ref", "'" + ref.textValue() + "' refers to itself without reaching a schema.");
      }
      node = resolve(node.get("$ref").textValue());
    }
    settledRefs.putAll(chain);
  }

  /** The node a local JSON pointer names, or null. */
  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonNode node = root;
    int start = 1;
    while (node != null && start < ref.length()) {
      if (ref.charAt(start) != '/') {
        return null;
      }
      int end = ref.indexOf('/', start + 1);
      end = end < 0 ? ref.length() : end;
      String part = ref.substring(start + 1, end).replace("~1", "/").replace("~0", "~");
      node = node.isArray() ? node.get(index(part)) : node.get(part);
      start = end;
    }
    return node;
  }

  private static int index(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ApiException at(String keyword, String problem) {
    context.add(keyword);
    return failHere(problem);
  }

  private ApiException failHere(String problem) {
    return fail("In context=" + tuple(context) + ", " + problem);
  }

  private ApiException fail(String problem) {
    return ApiException.invalid("Invalid schema for " + subject + ": " + problem, param, code);
  }

  /** The context as the service prints it: a Python tuple. */
  private static String tuple(List<Object> parts) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Object part = parts.get(i);
      out.append(part instanceof String s ? "'" + s + "'" : part);
    }
    return out.append(parts.size() == 1 ? ",)" : ")").toString();
  }

  private static String repr(JsonNode node) {
    String text = node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }
}
