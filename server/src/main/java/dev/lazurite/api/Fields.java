package dev.lazurite.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed reads of request fields that fail with the model service's exact 400 messages. An explicit
 * JSON {@code null} reads as absent, as it does on the service.
 */
public final class Fields {
  private Fields() {}

  public static ObjectNode requireObjectBody(JsonNode root) {
    if (!(root instanceof ObjectNode object)) {
      throw ApiException.invalid(
          "Invalid type for the request body: expected an object, but got "
              + typeName(root)
              + " instead.",
          null,
          "invalid_type");
    }
    return object;
  }

  /** Rejects fields outside {@code allowed}, naming them as the service does. */
  public static void rejectUnknown(ObjectNode body, Collection<String> allowed) {
    List<String> unknown = new ArrayList<>();
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (unknown.size() == 1) {
      throw ApiException.invalid(
          "Unrecognized request argument supplied: " + unknown.getFirst(), null, null);
    }
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "Unrecognized request arguments supplied: " + String.join(", ", unknown), null, null);
    }
  }

  public static JsonNode present(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? null : node;
  }

  public static JsonNode required(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node == null) {
      throw ApiException.invalid(
          "Missing required parameter: '" + path + "'.", path, "missing_required_parameter");
    }
    return node;
  }

  public static Optional<String> string(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw invalidType(path, "a string", node);
    }
    return Optional.of(node.asText());
  }

  public static String requiredString(JsonNode parent, String field, String path) {
    JsonNode node = required(parent, field, path);
    if (!node.isTextual()) {
      throw invalidType(path, "a string", node);
    }
    return node.asText();
  }

  public static boolean bool(JsonNode parent, String field, String path, boolean defaultValue) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return defaultValue;
    }
    if (!node.isBoolean()) {
      throw invalidType(path, "a boolean", node);
    }
    return node.asBoolean();
  }

  public static OptionalLong integer(
      JsonNode parent, String field, String path, long min, long max) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return OptionalLong.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw invalidType(path, "an integer", node);
    }
    long value = node.asLong();
    if (value < min) {
      throw ApiException.invalid(
          "Invalid '%s': integer below minimum value. Expected a value >= %d, but got %d instead."
              .formatted(path, min, value),
          path,
          "integer_below_min_value");
    }
    if (value > max) {
      throw ApiException.invalid(
          "Invalid '%s': integer above maximum value. Expected a value <= %d, but got %d instead."
              .formatted(path, max, value),
          path,
          "integer_above_max_value");
    }
    return OptionalLong.of(value);
  }

  public static OptionalInt smallInteger(
      JsonNode parent, String field, String path, int min, int max) {
    OptionalLong value = integer(parent, field, path, min, max);
    return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
  }

  public static OptionalDouble decimal(
      JsonNode parent, String field, String path, double min, double max) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return OptionalDouble.empty();
    }
    if (!node.isNumber()) {
      throw invalidType(path, "a decimal", node);
    }
    double value = node.asDouble();
    if (value < min) {
      throw ApiException.invalid(
          "Invalid '%s': decimal below minimum value. Expected a value >= %s, but got %s instead."
              .formatted(path, plain(min), plain(value)),
          path,
          "decimal_below_min_value");
    }
    if (value > max) {
      throw ApiException.invalid(
          "Invalid '%s': decimal above maximum value. Expected a value <= %s, but got %s instead."
              .formatted(path, plain(max), plain(value)),
          path,
          "decimal_above_max_value");
    }
    return OptionalDouble.of(value);
  }

  public static ObjectNode object(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw invalidType(path, "an object", node);
    }
    return (ObjectNode) node;
  }

  public static JsonNode array(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw invalidType(path, "an array", node);
    }
    return node;
  }

  /** {@code stop}: a string or an array of at most {@code max} strings. */
  public static List<String> stringOrArray(JsonNode parent, String field, String path, int max) {
    JsonNode node = present(parent, field);
    if (node == null) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw invalidType(path, "a string or an array", node);
    }
    if (node.size() > max) {
      throw arrayTooLong(path, max, node.size());
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw invalidType(path + "[" + i + "]", "a string", item);
      }
      values.add(item.asText());
    }
    return List.copyOf(values);
  }

  public static ApiException arrayTooLong(String path, int max, int size) {
    return ApiException.invalid(
        ("Invalid '%s': array too long. Expected an array with maximum length %d, but got an"
                + " array with length %d instead.")
            .formatted(path, max, size),
        path,
        "array_above_max_length");
  }

  /**
   * {@code logit_bias}: an object from token ids (non-negative integers written as strings) to
   * biases from -100 to 100.
   */
  public static void logitBias(JsonNode parent) {
    ObjectNode bias = object(parent, "logit_bias", "logit_bias");
    if (bias == null) {
      return;
    }
    for (var it = bias.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (!isTokenId(entry.getKey())) {
        throw ApiException.invalid(
            "Invalid key in 'logit_bias': "
                + entry.getKey()
                + ". You should only be submitting non-negative integers.",
            "logit_bias",
            "invalid_value");
      }
      decimal(bias, entry.getKey(), "logit_bias." + entry.getKey(), -100, 100);
    }
  }

  private static boolean isTokenId(String key) {
    if (key.isEmpty() || key.length() > 10) {
      return false;
    }
    long value = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= Integer.MAX_VALUE;
  }

  public static ApiException invalidValue(String path, String value, List<String> supported) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < supported.size(); i++) {
      if (i > 0) {
        list.append(i == supported.size() - 1 ? ", and " : ", ");
      }
      list.append('\'').append(supported.get(i)).append('\'');
    }
    return ApiException.invalid(
        "Invalid value: '" + value + "'. Supported values are: " + list + ".",
        path,
        "invalid_value");
  }

  public static ApiException invalidType(String path, String expected, JsonNode actual) {
    return ApiException.invalid(
        "Invalid type for '%s': expected %s, but got %s instead."
            .formatted(path, expected, typeName(actual)),
        path,
        "invalid_type");
  }

  static String typeName(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a decimal";
    }
    if (node.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static String plain(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d)
        ? Long.toString((long) d)
        : Double.toString(d);
  }
}
