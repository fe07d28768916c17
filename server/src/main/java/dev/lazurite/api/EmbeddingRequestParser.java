package dev.lazurite.api;

import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;
import static dev.lazurite.api.Fields.required;
import static dev.lazurite.api.Fields.smallInteger;
import static dev.lazurite.api.Fields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Validates an embeddings body. */
public final class EmbeddingRequestParser {
  private static final Set<String> PARAMS =
      Set.of("input", "model", "user", "input_type", "encoding_format", "dimensions");
  public static final int MAX_INPUTS = 2048;

  private EmbeddingRequestParser() {}

  public static EmbeddingRequest parse(ObjectNode body, Function<List<Integer>, String> decoder) {
    Fields.rejectUnknown(body, PARAMS);
    List<String> inputs = inputs(required(body, "input", "input"), decoder);
    string(body, "user", "user");
    string(body, "input_type", "input_type");
    String format = string(body, "encoding_format", "encoding_format").orElse("float");
    if (!format.equals("float") && !format.equals("base64")) {
      throw invalidValue("encoding_format", format, List.of("float", "base64"));
    }
    var dimensions = smallInteger(body, "dimensions", "dimensions", 1, Integer.MAX_VALUE);
    return new EmbeddingRequest(body, inputs, format.equals("base64"), dimensions, 0);
  }

  private static List<String> inputs(JsonNode input, Function<List<Integer>, String> decoder) {
    if (input.isTextual()) {
      return List.of(nonEmpty(input.asText(), "input"));
    }
    if (!input.isArray()) {
      throw invalidType("input", "a string or an array", input);
    }
    if (input.isEmpty()) {
      throw TokenArrays.emptyArray("input");
    }
    if (input.size() > MAX_INPUTS) {
      throw ApiException.invalid(
          ("Invalid 'input': array too long. Expected an array with maximum length %d, but got an"
                  + " array with length %d instead.")
              .formatted(MAX_INPUTS, input.size()),
          "input",
          "array_above_max_length");
    }
    if (input.get(0).isIntegralNumber()) {
      return List.of(TokenArrays.text(input, "input", decoder));
    }
    List<String> inputs = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      String path = "input[" + i + "]";
      if (item.isTextual()) {
        inputs.add(nonEmpty(item.asText(), path));
      } else if (item.isArray()) {
        inputs.add(TokenArrays.text(item, path, decoder));
      } else {
        throw invalidType(path, "a string or an array of integers", item);
      }
    }
    return inputs;
  }

  private static String nonEmpty(String text, String path) {
    if (text.isEmpty()) {
      throw ApiException.invalid(
          "Invalid '%s': empty string. Expected a string with minimum length 1, but got an empty"
                  .formatted(path)
              + " string instead.",
          path,
          "empty_string");
    }
    return text;
  }
}
