package dev.lazurite.safety.embedded;

/** Leetspeak folded back: digits and symbols standing for letters in words that hold letters. */
final class Leet {
  private static final String FROM = "0134578@$!|";
  private static final String TO = "oieastbasii";

  private Leet() {}

  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
        word(text, start, i, out);
        if (i < text.length()) {
          out.append(text.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  /** A whole word of digits (a year, a price) stays as it is; a word mixing them is folded. */
  private static void word(String text, int from, int to, StringBuilder out) {
    boolean letters = false;
    for (int i = from; i < to; i++) {
      letters |= Character.isLetter(text.charAt(i));
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int k = letters ? FROM.indexOf(c) : -1;
      out.append(k >= 0 ? TO.charAt(k) : c);
    }
  }
}
