package dev.lazurite.backend.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * Makes a JSON value that validates against a JSON schema, for tool arguments and structured
 * output. Covers the subset function schemas use: types, enum, const, properties, items, anyOf /
 * oneOf / allOf, local {@code $ref}s, numeric bounds, string lengths and common formats.
 *
 * <p>The work is bounded by a budget of characters, as a model is bounded by its token limit: once
 * the instance has grown past the budget, arrays and objects stop growing and strings stop padding,
 * and the result reports itself {@link Instance#truncated() truncated}. The caller then cuts the
 * text at the token limit, as a model that hits it would.
 */
final class SchemaInstances {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  /** Characters per token that the budget allows: more than any encoding's English average. */
  static final int CHARS_PER_TOKEN = 16;

  private final JsonNode root;
  private final Random random;
  private long remaining;
  private boolean truncated;

  private SchemaInstances(JsonNode root, Random random, long budget) {
    this.root = root;
    this.random = random;
    this.remaining = budget;
  }

  /**
   * A value for {@code schema}, or the start of one when it would need more than {@code budget}
   * characters.
   */
  record Instance(JsonNode value, boolean truncated) {}

  static Instance generate(JsonNode schema, Random random, long budget) {
    var instances = new SchemaInstances(schema, random, budget);
    JsonNode value = instances.value(schema, "value", 0);
    return new Instance(value, instances.truncated);
  }

  /** The budget for an answer of at most {@code tokens} tokens. */
  static long budgetFor(int tokens) {
    return (tokens + 1L) * CHARS_PER_TOKEN;
  }

  /** Takes {@code chars} from the budget; false (and truncated) once it is spent. */
  private boolean spend(long chars) {
    remaining -= chars;
    if (remaining < 0) {
      truncated = true;
      return false;
    }
    return true;
  }

  /** A leaf value, paid for from the budget. */
  private JsonNode leaf(JsonNode value) {
    spend(value.isTextual() ? value.textValue().length() + 2L : value.toString().length());
    return value;
  }

  private JsonNode value(JsonNode schema, String name, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH || remaining < 0) {
      return leaf(NODES.textNode(Words.phrase(random, 2)));
    }
    if (schema.has("$ref")) {
      return value(resolve(schema.get("$ref").asText()), name, depth + 1);
    }
    if (schema.has("const")) {
      return leaf(schema.get("const"));
    }
    if (schema.has("enum") && schema.get("enum").isArray() && !schema.get("enum").isEmpty()) {
      JsonNode values = schema.get("enum");
      return leaf(values.get(random.nextInt(values.size())));
    }
    for (String combinator : new String[] {"anyOf", "oneOf"}) {
      if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
        return value(schema.get(combinator).get(0), name, depth + 1);
      }
    }
    if (schema.has("allOf") && !schema.get("allOf").isEmpty()) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        if (part instanceof ObjectNode object) {
          merged.setAll(object);
        }
      }
      return value(merged, name, depth + 1);
    }
    return switch (type(schema)) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, name, depth);
      case "integer" -> leaf(NODES.numberNode(integer(schema)));
      case "number" -> leaf(NODES.numberNode(number(schema)));
      case "boolean" -> leaf(NODES.booleanNode(random.nextBoolean()));
      case "null" -> leaf(NODES.nullNode());
      default -> leaf(NODES.textNode(string(schema, name)));
    };
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    return "string";
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
      while (fields.hasNext() && spend(2)) {
        Map.Entry<String, JsonNode> field = fields.next();
        spend(field.getKey().length() + 3L);
        object.set(field.getKey(), value(field.getValue(), field.getKey(), depth + 1));
      }
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, String name, int depth) {
    long min = Math.max(0, schema.path("minItems").asLong(1));
    long max = schema.path("maxItems").asLong(Math.max(min, 3));
    long count = min + random.nextInt((int) Math.max(1, Math.min(max, min + 2) - min + 1));
    ArrayNode array = NODES.arrayNode();
    spend(2);
    for (long i = 0; i < count && spend(1); i++) {
      array.add(value(schema.get("items"), name, depth + 1));
    }
    return array;
  }

  private long integer(JsonNode schema) {
    long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 0;
    if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
      min = (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
    }
    long max =
        schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : min + 100;
    if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
      max = (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1;
    }
    if (max <= min) {
      return min;
    }
    // In doubles: the span of two longs may not fit in a long.
    double drawn = min + Math.floor(random.nextDouble() * ((double) max - (double) min + 1));
    return (long) Math.min((double) max, Math.max((double) min, drawn));
  }

  private double number(JsonNode schema) {
    double min = schema.path("minimum").asDouble(0);
    double max = schema.path("maximum").asDouble(min + 100);
    double value = min + random.nextDouble() * (max - min);
    return Math.round(value * 100) / 100.0 < min
        ? min
        : Math.min(max, Math.round(value * 100) / 100.0);
  }

  private String string(JsonNode schema, String name) {
    String format = schema.path("format").asText("");
    String value =
        switch (format) {
          case "date-time" -> "2024-08-06T12:%02d:00Z".formatted(random.nextInt(60));
          case "date" -> "2024-08-%02d".formatted(1 + random.nextInt(28));
          case "time" -> "12:%02d:00".formatted(random.nextInt(60));
          case "email" -> Words.word(random) + "@example.com";
          case "uri", "url" -> "https://example.com/" + Words.word(random);
          case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
          default -> plausible(name);
        };
    long minLength = schema.path("minLength").asLong(0);
    int maxLength =
        (int) Math.min(Integer.MAX_VALUE, schema.path("maxLength").asLong(Integer.MAX_VALUE));
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < minLength) {
      if (padded.length() >= remaining) {
        truncated = true;
        break;
      }
      padded.append(' ').append(Words.word(random));
    }
    return padded.length() > maxLength ? padded.substring(0, maxLength) : padded.toString();
  }

  private String plausible(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("location") || lower.contains("city")) {
      return Words.city(random);
    }
    if (lower.contains("unit")) {
      return random.nextBoolean() ? "celsius" : "fahrenheit";
    }
    return Words.phrase(random, 1 + random.nextInt(3));
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonNode node = root;
    for (String part : ref.substring(1).split("/")) {
      if (!part.isEmpty()) {
        node = node.path(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return node.isMissingNode() ? null : node;
  }
}
