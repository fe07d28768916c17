package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One wording of a harmful request, and the strings of which a lower-case text contains one
 * wherever the pattern matches: most text holds none of them, and looking for them costs a fraction
 * of trying the pattern.
 */
record Shape(Pattern pattern, Needles needs) {
  Shape(Pattern pattern, String needs) {
    this(pattern, Needles.of(needs));
  }

  /** A shape in English, whose words and word boundaries are ASCII. */
  static Shape english(String needs, String regex) {
    return new Shape(Pattern.compile(regex), needs);
  }

  /** A shape in another language, whose words and word boundaries are Unicode's. */
  static Shape abroad(String needs, String regex) {
    return new Shape(Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS), needs);
  }

  boolean shows(String lower) {
    return needs.in(lower) && pattern.matcher(lower).find();
  }

  /** Whether {@code lower} shows any of {@code shapes}. */
  static boolean any(List<Shape> shapes, String lower) {
    for (Shape shape : shapes) {
      if (shape.shows(lower)) {
        return true;
      }
    }
    return false;
  }
}
