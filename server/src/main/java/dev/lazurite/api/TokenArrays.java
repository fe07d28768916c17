package dev.lazurite.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads prompts and inputs given as arrays of token ids. */
final class TokenArrays {
  private TokenArrays() {}

  static List<Integer> ids(JsonNode array, String path) {
    List<Integer> ids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode id = array.get(i);
      if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() > Integer.MAX_VALUE) {
        throw Fields.invalidType(path + "[" + i + "]", "an integer", id);
      }
      ids.add(id.asInt());
    }
    return ids;
  }
}
