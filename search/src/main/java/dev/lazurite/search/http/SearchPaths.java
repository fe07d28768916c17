package dev.lazurite.search.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a search path into segments, accepting both URL forms: {@code /indexes('x')/docs('k')}
 * (OData key syntax, with {@code ''} escaping a quote) and {@code /indexes/x/docs/k}.
 */
public final class SearchPaths {
  private static final Pattern KEYED = Pattern.compile("^([^(]+)\\('(.*)'\\)$");

  private SearchPaths() {}

  public static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = decode(raw);
      Matcher m = KEYED.matcher(segment);
      if (m.matches()) {
        out.add(m.group(1));
        out.add(m.group(2).replace("''", "'"));
      } else {
        out.add(segment);
      }
    }
    return out;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
