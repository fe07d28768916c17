package dev.lazurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** az's {@code --tags a=b c}: space-separated {@code key[=value]}; {@code --tags ""} for none. */
final class Tags {
  private Tags() {}

  /** Puts the tags into an ARM body; does nothing when the flag was not given. */
  static void put(ObjectNode body, List<String> tags) {
    if (tags == null) {
      return;
    }
    ObjectNode out = body.putObject("tags");
    for (String tag : tags) {
      if (tag.isEmpty()) {
        continue;
      }
      int eq = tag.indexOf('=');
      out.put(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : tag.substring(eq + 1));
    }
  }
}
