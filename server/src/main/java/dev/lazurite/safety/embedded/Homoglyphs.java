package dev.lazurite.safety.embedded;

/**
 * Letters from the Cyrillic and Greek scripts that look like Latin ones, folded to the Latin letter
 * within words that also hold Latin letters (a word wholly in Cyrillic or Greek is left alone), and
 * characters that take no room (zero-width spaces, soft hyphens) removed.
 */
final class Homoglyphs {
  private static final String FROM = "аеіорсухѕјԁһӏвкмнтАВЕІКМНОРСТХЅЈαεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ";
  private static final String TO = "aeiopcyxsjdhlbkmhtABEIKMHOPCTXSJaeiknoptuxABEHIKMNOPTYX";

  private Homoglyphs() {}

  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || !Character.isLetter(text.charAt(i))) {
        word(text, start, i, out);
        if (i < text.length()) {
          char c = text.charAt(i);
          if (!Disguises.invisible(c)) {
            out.append(c);
          }
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  private static void word(String text, int from, int to, StringBuilder out) {
    boolean latin = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      latin |= c < 0x250;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int k = latin ? FROM.indexOf(c) : -1;
      out.append(k >= 0 ? TO.charAt(k) : c);
    }
  }
}
