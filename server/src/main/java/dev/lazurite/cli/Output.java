package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints a command's answer the way az does: the {@code --query} applied, then in the {@code
 * --output} format; nothing when the answer (or the query's result) is null. JSON keeps the
 * server's key order; tsv and table take an object's keys in alphabetical order unless a query's
 * multiselect hash ordered them, as az does.
 */
final class Output {
  private Output() {}

  /** Prints JSON, as {@code -o json} does. */
  static void print(PrintWriter out, JsonNode value) {
    print(out, value, OutputFormat.JSON, Optional.empty(), false);
  }

  static void print(
      PrintWriter out,
      JsonNode value,
      OutputFormat format,
      Optional<Expression<JsonNode>> query,
      boolean terminal) {
    String text = render(value, format, query, terminal);
    out.print(text);
    out.flush();
  }

  static String render(
      JsonNode value, OutputFormat format, Optional<Expression<JsonNode>> query, boolean terminal) {
    JsonNode result = value;
    if (format == OutputFormat.TSV || format == OutputFormat.TABLE) {
      result = sorted(result);
    }
    if (query.isPresent()) {
      try {
        result = query.get().search(result);
      } catch (JmesPathException e) {
        throw new IllegalArgumentException("--query: " + e.getMessage(), e);
      }
    }
    if (result == null || result.isNull() || result.isMissingNode()) {
      return "";
    }
    return switch (format) {
      case JSON -> JsonText.write(result, false) + "\n";
      case JSONC -> JsonText.write(result, terminal) + "\n";
      case TSV -> TsvOutput.render(result);
      case TABLE -> TableOutput.render(result);
      case NONE -> "";
    };
  }

  /** Lists come back as {"value": [...]}; az prints the array. */
  static JsonNode values(JsonNode list) {
    return list.path("value");
  }

  /** The same JSON with every object's keys in alphabetical order. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode copy = Json.MAPPER.createObjectNode();
      names.forEach(n -> copy.set(n, sorted(node.get(n))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      node.forEach(e -> copy.add(sorted(e)));
      return copy;
    }
    return node;
  }
}
