package dev.lazurite.portal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} bodies and query strings. */
final class Forms {
  private Forms() {}

  /** The fields; a repeated name keeps its first value. */
  static Map<String, String> decode(String encoded) {
    var fields = new HashMap<String, String>();
    if (encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // A malformed escape: the field is left out, as if it was not sent.
      }
    }
    return fields;
  }
}
