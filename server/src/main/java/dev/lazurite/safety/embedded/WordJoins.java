package dev.lazurite.safety.embedded;

/**
 * Words run together with their boundaries still marked: underscores or dots between them ({@code
 * how_to_kill}, {@code how.to.kill}) or a capital starting each ({@code HowToKillHim}). The
 * tokenizer keeps such a run as one token, so the words in it are never read; a reading with the
 * boundaries turned into spaces lets them be judged as words. A run counts when it has at least two
 * such boundaries, so that a brand ({@code iPhone}, {@code YouTube}) or an abbreviation ({@code
 * e.g.}) does not.
 */
final class WordJoins {
  /** Boundaries a run needs before it counts as words run together. */
  private static final int BOUNDARIES = 2;

  private WordJoins() {}

  /** Whether some run of the text holds at least two marked word boundaries. */
  static boolean present(String text) {
    int boundaries = 0;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c) && !joiner(c)) {
        boundaries = 0;
      } else if (boundary(text, i) && ++boundaries >= BOUNDARIES) {
        return true;
      }
    }
    return false;
  }

  /** The text with every marked boundary turned into a space. */
  static String split(String text) {
    if (text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    out.append(text.charAt(0));
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (boundary(text, i)) {
        out.append(' ');
        if (joiner(c)) {
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Whether a word starts at {@code i}: a joiner between two letters, or a capital after a small
   * letter.
   */
  private static boolean boundary(String text, int i) {
    char c = text.charAt(i);
    char before = text.charAt(i - 1);
    if (joiner(c)) {
      return Character.isLetter(before)
          && i + 1 < text.length()
          && Character.isLetter(text.charAt(i + 1));
    }
    return Character.isUpperCase(c) && Character.isLowerCase(before);
  }

  private static boolean joiner(char c) {
    return c == '_' || c == '.';
  }
}
