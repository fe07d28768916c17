package dev.lazurite.safety.embedded;

import java.util.List;

/**
 * Strings of which a lower-case text contains one wherever a shape's patterns can match. Most text
 * holds none of them, and looking for them costs a fraction of trying the patterns.
 */
record Needles(List<String> strings) {
  /** The needles of {@code joined}, separated by {@code |}. */
  static Needles of(String joined) {
    return new Needles(List.of(joined.split("\\|")));
  }

  boolean in(String lower) {
    for (String s : strings) {
      if (lower.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
