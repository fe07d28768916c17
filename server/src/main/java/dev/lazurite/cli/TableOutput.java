package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * az's {@code -o table}: one row per element of a list, one column per scalar property (without
 * {@code id}, {@code type} and {@code etag}), headers with a capital first letter, underlined with
 * dashes two wider than the header, columns two spaces apart.
 */
final class TableOutput {
  private static final Set<String> SKIP = Set.of("id", "type", "etag");
  private static final int MIN_PADDING = 2;

  private TableOutput() {}

  static String render(JsonNode result) {
    List<Map<String, String>> rows = new ArrayList<>();
    if (result.isArray()) {
      result.forEach(item -> rows.add(row(item)));
    } else {
      rows.add(row(result));
    }
    Set<String> headers = new LinkedHashSet<>();
    rows.forEach(r -> headers.addAll(r.keySet()));
    if (headers.isEmpty()) {
      return "";
    }
    List<String> columns = List.copyOf(headers);
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).length() + MIN_PADDING;
      for (var r : rows) {
        widths[c] = Math.max(widths[c], r.getOrDefault(columns.get(c), "").length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(columns, widths, out);
    List<String> dashes = new ArrayList<>();
    for (int width : widths) {
      dashes.add("-".repeat(width));
    }
    line(dashes, widths, out);
    for (var r : rows) {
      List<String> cells = new ArrayList<>();
      columns.forEach(c -> cells.add(r.getOrDefault(c, "")));
      line(cells, widths, out);
    }
    return out.toString();
  }

  private static Map<String, String> row(JsonNode item) {
    Map<String, String> row = new LinkedHashMap<>();
    if (item.isObject()) {
      item.fields()
          .forEachRemaining(
              f -> {
                JsonNode v = f.getValue();
                if (!SKIP.contains(f.getKey()) && !v.isNull() && !v.isContainerNode()) {
                  row.put(capitalize(f.getKey()), Scalars.text(v));
                }
              });
    } else if (item.isArray()) {
      for (int i = 0; i < item.size(); i++) {
        row.put("Column" + (i + 1), cell(item.get(i)));
      }
    } else {
      row.put("Result", cell(item));
    }
    return row;
  }

  private static String cell(JsonNode value) {
    return value.isNull() ? "" : value.isContainerNode() ? value.toString() : Scalars.text(value);
  }

  private static String capitalize(String key) {
    return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  private static void line(List<String> cells, int[] widths, StringBuilder out) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append("  ");
      }
      out.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    out.append('\n');
  }
}
