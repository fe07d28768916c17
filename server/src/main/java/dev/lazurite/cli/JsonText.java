package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text as az prints it: two-space indent, {@code "key": value}, one array element per line,
 * {@code []} and {@code {}} for empty containers; with ANSI colours for {@code jsonc}.
 */
final class JsonText {
  private static final String KEY = "\u001b[94m";
  private static final String STRING = "\u001b[33m";
  private static final String LITERAL = "\u001b[36m";
  private static final String RESET = "\u001b[0m";

  private JsonText() {}

  static String write(JsonNode node, boolean color) {
    StringBuilder out = new StringBuilder();
    write(node, color, 0, out);
    return out.toString();
  }

  private static void write(JsonNode node, boolean color, int depth, StringBuilder out) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        indent(depth + 1, out);
        paint(TextNode.valueOf(field.getKey()).toString(), KEY, color, out);
        out.append(": ");
        write(field.getValue(), color, depth + 1, out);
        out.append(fields.hasNext() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(depth + 1, out);
        write(node.get(i), color, depth + 1, out);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append(']');
    } else {
      paint(node.toString(), node.isTextual() ? STRING : LITERAL, color, out);
    }
  }

  private static void paint(String text, String colour, boolean color, StringBuilder out) {
    if (color) {
      out.append(colour).append(text).append(RESET);
    } else {
      out.append(text);
    }
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("  ".repeat(depth));
  }
}
