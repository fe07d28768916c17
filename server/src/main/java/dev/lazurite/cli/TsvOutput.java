package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * az's {@code -o tsv}: one line per element of a list (or one for anything else); an object's
 * values in key order, separated by tabs; a nested list as its length and a nested object as an
 * empty cell, so that every line keeps its columns.
 */
final class TsvOutput {
  private TsvOutput() {}

  static String render(JsonNode result) {
    StringBuilder out = new StringBuilder();
    if (result.isArray()) {
      result.forEach(item -> row(item, out));
    } else {
      row(result, out);
    }
    return out.toString();
  }

  private static void row(JsonNode data, StringBuilder out) {
    if (data.isObject() || data.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      data.elements().forEachRemaining(values::add);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.append('\t');
        }
        out.append(cell(values.get(i)));
      }
    } else if (data.isBoolean()) {
      out.append(data.asBoolean());
    } else {
      out.append(cell(data));
    }
    out.append('\n');
  }

  private static String cell(JsonNode value) {
    if (value.isArray()) {
      return Integer.toString(value.size());
    }
    if (value.isObject()) {
      return "";
    }
    return Scalars.text(value);
  }
}
