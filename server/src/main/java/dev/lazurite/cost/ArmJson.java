package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the ARM bodies of cost resources, with ARM's errors for what does not fit. */
final class ArmJson {
  private ArmJson() {}

  /** The body as a JSON object; an empty body, malformed JSON or a non-object is a 400. */
  static JsonNode object(byte[] body) {
    if (body.length == 0) {
      throw invalid("The request content was empty; a JSON object is required.");
    }
    try {
      JsonNode node = Json.parse(body);
      if (!node.isObject()) {
        throw invalid("The request content must be a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw invalid("The request content was invalid and could not be deserialized.");
    }
  }

  static JsonNode requiredObject(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw missing(path);
    }
    if (!value.isObject()) {
      throw mistyped(path, "an object");
    }
    return value;
  }

  static Optional<JsonNode> optionalObject(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw mistyped(path, "an object");
    }
    return Optional.of(value);
  }

  static String requiredText(JsonNode node, String field, String path) {
    return optionalText(node, field, path).orElseThrow(() -> missing(path));
  }

  static Optional<String> optionalText(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw mistyped(path, "a string");
    }
    return Optional.of(value.asText());
  }

  static BigDecimal requiredNumber(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw missing(path);
    }
    if (!value.isNumber()) {
      throw mistyped(path, "a number");
    }
    return value.decimalValue();
  }

  static boolean optionalBoolean(JsonNode node, String field, String path, boolean fallback) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw mistyped(path, "a boolean");
    }
    return value.asBoolean();
  }

  /** An array of strings; absent is empty. */
  static List<String> texts(JsonNode node, String field, String path, int max) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw mistyped(path, "an array of strings");
    }
    if (value.size() > max) {
      throw invalid("The value at path '%s' has more than %d entries.".formatted(path, max));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw mistyped(path, "an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  static ApiException missing(String path) {
    return invalid("The request content is missing the required property '%s'.".formatted(path));
  }

  static ApiException mistyped(String path, String expected) {
    return invalid(
        "The request content was invalid and could not be deserialized: the value at path '%s'"
                .formatted(path)
            + " must be %s.".formatted(expected));
  }

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
