package dev.lazurite.api.responses;

import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.search.schema.FieldType;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code filters} of a {@code file_search} tool as an OData {@code $filter} on the index: a
 * comparison ({@code eq}, {@code ne}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code in},
 * {@code nin}) of a filterable field with a string, number or boolean, or a compound ({@code and},
 * {@code or}) of filters. A key names an index field; a field that holds a collection of strings
 * matches when any of its values does ({@code eq}, {@code in}) or none does ({@code ne}, {@code
 * nin}).
 */
final class FileSearchFilters {
  private static final List<String> COMPARISONS =
      List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin");
  private static final List<String> COMPOUNDS = List.of("and", "or");
  private static final Set<String> COMPARISON_FIELDS = Set.of("type", "key", "value");
  private static final Set<String> COMPOUND_FIELDS = Set.of("type", "filters");
  private static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");
  private static final int MAX_DEPTH = 8;

  private FileSearchFilters() {}

  /** Checks the shape of {@code filters}, before any index is looked at. */
  static void check(JsonNode filter, String path) {
    check(filter, path, 0);
  }

  private static void check(JsonNode filter, String path, int depth) {
    if (!filter.isObject()) {
      throw invalidType(path, "an object", filter);
    }
    if (depth > MAX_DEPTH) {
      throw ApiException.invalid(
          "Invalid '" + path + "': filters nest at most " + MAX_DEPTH + " levels deep.",
          path,
          "invalid_value");
    }
    String type = dev.lazurite.api.Fields.requiredString(filter, "type", path + ".type");
    if (COMPOUNDS.contains(type)) {
      FileSearchTool.rejectUnknown(filter, COMPOUND_FIELDS, path);
      JsonNode filters = dev.lazurite.api.Fields.required(filter, "filters", path + ".filters");
      if (!filters.isArray()) {
        throw invalidType(path + ".filters", "an array", filters);
      }
      if (filters.isEmpty()) {
        throw ApiException.invalid(
            "Invalid '" + path + ".filters': expected at least one filter.",
            path + ".filters",
            "empty_array");
      }
      for (int i = 0; i < filters.size(); i++) {
        check(filters.get(i), path + ".filters[" + i + "]", depth + 1);
      }
      return;
    }
    if (!COMPARISONS.contains(type)) {
      List<String> all = new ArrayList<>(COMPARISONS);
      all.addAll(COMPOUNDS);
      throw invalidValue(path + ".type", type, all);
    }
    FileSearchTool.rejectUnknown(filter, COMPARISON_FIELDS, path);
    String key = dev.lazurite.api.Fields.requiredString(filter, "key", path + ".key");
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalid(
          "Invalid '" + path + ".key': '" + key + "' is not a field name.",
          path + ".key",
          "invalid_value");
    }
    JsonNode value = dev.lazurite.api.Fields.required(filter, "value", path + ".value");
    if (type.equals("in") || type.equals("nin")) {
      if (!value.isArray() || value.isEmpty()) {
        throw invalidType(path + ".value", "a non-empty array", value);
      }
      for (int i = 0; i < value.size(); i++) {
        scalar(value.get(i), path + ".value[" + i + "]");
      }
    } else {
      scalar(value, path + ".value");
    }
  }

  private static void scalar(JsonNode value, String path) {
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      throw invalidType(path, "a string, a number or a boolean", value);
    }
  }

  /** The OData filter of a checked {@code filters} on {@code schema}; 400 for a field it lacks. */
  static String odata(JsonNode filter, String path, IndexSchema schema) {
    String type = filter.get("type").asText();
    if (COMPOUNDS.contains(type)) {
      List<String> parts = new ArrayList<>();
      JsonNode filters = filter.get("filters");
      for (int i = 0; i < filters.size(); i++) {
        parts.add("(" + odata(filters.get(i), path + ".filters[" + i + "]", schema) + ")");
      }
      return String.join(" " + type + " ", parts);
    }
    String key = filter.get("key").asText();
    SearchField field =
        schema
            .field(key)
            .filter(SearchField::filterable)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "Invalid '"
                            + path
                            + ".key': the vector store has no filterable attribute '"
                            + key
                            + "'.",
                        path + ".key",
                        "invalid_value"));
    JsonNode value = filter.get("value");
    return switch (type) {
      case "in", "nin" -> {
        boolean in = type.equals("in");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          parts.add(compare(field, in ? "eq" : "ne", value.get(i), path + ".value[" + i + "]"));
        }
        yield String.join(in ? " or " : " and ", parts);
      }
      case "gte" -> compare(field, "ge", value, path + ".value");
      case "lte" -> compare(field, "le", value, path + ".value");
      default -> compare(field, type, value, path + ".value");
    };
  }

  private static String compare(SearchField field, String op, JsonNode value, String path) {
    FieldType type = field.type();
    String literal = literal(type, value, path);
    if (!type.collection()) {
      return field.name() + " " + op + " " + literal;
    }
    if (!op.equals("eq") && !op.equals("ne")) {
      throw ApiException.invalid(
          "Invalid '"
              + path
              + "': the attribute '"
              + field.name()
              + "' holds several values; compare it with eq, ne, in or nin.",
          path,
          "invalid_value");
    }
    return op.equals("eq")
        ? field.name() + "/any(v: v eq " + literal + ")"
        : field.name() + "/all(v: v ne " + literal + ")";
  }

  private static String literal(FieldType type, JsonNode value, String path) {
    if (type.string() && value.isTextual()) {
      return "'" + value.asText().replace("'", "''") + "'";
    }
    if (type.numeric() && value.isNumber()) {
      if (type.integral() && !value.isIntegralNumber()) {
        throw mismatch(path, "an integer");
      }
      return new BigDecimal(value.asText()).toPlainString();
    }
    if (type.bool() && value.isBoolean()) {
      return Boolean.toString(value.asBoolean());
    }
    if (type.date() && value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText()).toString();
      } catch (DateTimeParseException e) {
        throw mismatch(path, "a date and time such as 2025-01-31T00:00:00Z");
      }
    }
    String expected =
        type.string()
            ? "a string"
            : type.numeric()
                ? "a number"
                : type.bool() ? "a boolean" : type.date() ? "a date and time" : null;
    if (expected == null) {
      throw ApiException.invalid(
          "Invalid '" + path + "': attributes of type " + type.base() + " cannot be compared.",
          path,
          "invalid_value");
    }
    throw mismatch(path, expected);
  }

  private static ApiException mismatch(String path, String expected) {
    return ApiException.invalid(
        "Invalid '" + path + "': the attribute holds " + expected + ".", path, "invalid_value");
  }
}
