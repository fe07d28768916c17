package dev.lazurite.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A JSON tree as text with the keys of every object sorted and no white space: the text Jackson
 * writes with {@code WRITE_PROPERTIES_SORTED}, written here without a serializer or a sorted copy
 * of each object. Trees holding numbers other than ints and longs (or binary and POJO nodes) are
 * left to Jackson.
 */
final class SortedJson {
  private static final ObjectMapper SORTED =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SortedJson() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    if (write(out, node)) {
      return out.toString();
    }
    try {
      return SORTED.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("properties cannot be serialized", e);
    }
  }

  /** Writes {@code node}; false when it holds a kind of value this writer leaves to Jackson. */
  private static boolean write(StringBuilder out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        String[] names = new String[node.size()];
        Iterator<String> it = node.fieldNames();
        for (int i = 0; i < names.length; i++) {
          names[i] = it.next();
        }
        if (!sorted(names)) {
          Arrays.sort(names);
        }
        out.append('{');
        for (int i = 0; i < names.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          string(out, names[i]);
          out.append(':');
          if (!write(out, node.get(names[i]))) {
            return false;
          }
        }
        out.append('}');
        return true;
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          if (!write(out, node.get(i))) {
            return false;
          }
        }
        out.append(']');
        return true;
      }
      case STRING -> {
        string(out, node.textValue());
        return true;
      }
      case BOOLEAN -> {
        out.append(node.booleanValue());
        return true;
      }
      case NULL -> {
        out.append("null");
        return true;
      }
      case NUMBER -> {
        if (node.isInt() || node.isLong()) {
          out.append(node.longValue());
          return true;
        }
        return false;
      }
      case BINARY, MISSING, POJO -> {
        return false;
      }
    }
    return false;
  }

  private static boolean sorted(String[] names) {
    for (int i = 1; i < names.length; i++) {
      if (names[i - 1].compareTo(names[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** A string literal escaped as Jackson escapes it by default. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    int n = value.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, from, n).append('"');
  }
}
