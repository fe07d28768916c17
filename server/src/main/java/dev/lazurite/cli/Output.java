package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.PrintWriter;

/** Prints JSON the way az does: indented, one document per command. */
final class Output {
  private Output() {}

  static void print(PrintWriter out, Object value) {
    try {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lists come back as {"value": [...]}; az prints the array. */
  static JsonNode values(JsonNode list) {
    return list.path("value");
  }
}
