package dev.lazurite.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads prompts and inputs given as arrays of token ids. */
final class TokenArrays {
  private TokenArrays() {}

  /**
   * The text of a non-empty array of token ids.
   *
   * @param decoder turns ids into text; throws {@link IllegalArgumentException} for an id outside
   *     the model's vocabulary
   */
  static String text(JsonNode array, String path, Function<List<Integer>, String> decoder) {
    if (array.isEmpty()) {
      throw emptyArray(path);
    }
    List<Integer> ids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode id = array.get(i);
      if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() > Integer.MAX_VALUE) {
        throw Fields.invalidType(path + "[" + i + "]", "an integer", id);
      }
      ids.add(id.asInt());
    }
    try {
      return decoder.apply(ids);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "Invalid '%s': the array holds a token id that is not in the model's vocabulary."
              .formatted(path),
          path,
          "invalid_value");
    }
  }

  static ApiException emptyArray(String path) {
    return ApiException.invalid(
        ("Invalid '%s': empty array. Expected an array with minimum length 1, but got an empty"
                + " array instead.")
            .formatted(path),
        path,
        "empty_array");
  }
}
