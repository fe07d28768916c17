package dev.lazurite.safety.embedded;

import java.util.Set;

/**
 * Leetspeak folded back, word by word, in words that hold letters: digits standing for letters
 * ({@code h4te}, {@code 5u1c1de}), symbols standing for letters between letters ({@code k!ll},
 * {@code (r4ck}, {@code wh+e}), letters drawn with several symbols ({@code |<ill}, {@code
 * /\ttack}), and letters stretched by repetition ({@code kiiiill}). A word of digits alone (a year,
 * a price) and a number with its unit or ordinal ({@code 3rd}, {@code 10pm}, {@code 4k}) stay as
 * they are.
 */
final class Leet {
  private static final String DIGITS = "oizeasgtbg";

  /** Symbols that stand for a letter wherever they are in a word that holds letters. */
  private static final String ANYWHERE_FROM = "@$€";

  private static final String ANYWHERE_TO = "ase";

  /** Symbols that are also punctuation, so stand for a letter only between letters. */
  private static final String BETWEEN_FROM = "!|(+#¡";

  private static final String BETWEEN_TO = "iicthi";

  /** Letters drawn with several symbols, longest first. */
  private static final String[][] DRAWN = {
    {"|\\/|", "m"},
    {"|-|", "h"},
    {"|<", "k"},
    {"/\\", "a"},
    {"}{", "h"},
    {"\\/", "v"},
    {"vv", "w"},
    {"ph", "f"}
  };

  /** What may follow a number without it being leetspeak. */
  private static final Set<String> UNITS =
      Set.of(
          "st", "nd", "rd", "th", "s", "am", "pm", "k", "m", "b", "km", "kg", "g", "mg", "mb", "gb",
          "kb", "tb", "x", "d", "h", "hr", "hrs", "min", "px", "p", "mm", "cm", "ml", "l", "v", "w",
          "hz", "ghz", "mhz", "yo", "ft", "lb", "lbs", "in", "er", "ers", "ish", "pc");

  private Leet() {}

  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean written = mixedWords(text) >= 2;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
        if (written && shortNumber(text, start, i)) {
          spelled(text, start, i, out);
        } else {
          word(text, start, i, written, out);
        }
        if (i < text.length()) {
          out.append(text.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  /**
   * How many words mix letters and digits, other than numbers with their units: two or more and the
   * text is written in leetspeak.
   */
  private static int mixedWords(String text) {
    int mixed = 0;
    int start = 0;
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        mixed += letter && digit && !measured(text, start, i) ? 1 : 0;
        start = i + 1;
        letter = false;
        digit = false;
      } else {
        letter |= Character.isLetter(c);
        digit |= c >= '0' && c <= '9';
      }
    }
    return mixed;
  }

  /** A word of at most three digits, perhaps with punctuation after it. */
  private static boolean shortNumber(String text, int from, int to) {
    int end = to;
    while (end > from && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      end--;
    }
    if (end == from || end - from > 3) {
      return false;
    }
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * A short number in a text written in leetspeak, read as the word it spells: 4 is "a", 1 is "i",
   * 70 is "to", 15 is "is", and 2 on its own is "to".
   */
  private static void spelled(String text, int from, int to, StringBuilder out) {
    if (text.charAt(from) == '2' && (from + 1 == to || !Character.isDigit(text.charAt(from + 1)))) {
      out.append("to");
      from++;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' ? DIGITS.charAt(c - '0') : c);
    }
  }

  /**
   * One word; in a text written in leetspeak a number with what looks like a unit ({@code 53x}) is
   * leetspeak too.
   */
  private static void word(String text, int from, int to, boolean written, StringBuilder out) {
    int firstLetter = -1;
    int lastLetter = -1;
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        firstLetter = firstLetter < 0 ? i : firstLetter;
        lastLetter = i;
      } else {
        plain = false;
      }
    }
    if (firstLetter < 0
        || (plain && !stretched(text, from, to))
        || !written && measured(text, from, to)) {
      out.append(text, from, to);
      return;
    }
    if (disguised(text, from, to, firstLetter, lastLetter) && drawn(text, from, to)) {
      String undrawn = undrawn(text, from, to);
      letters(undrawn, 0, undrawn.length(), out);
    } else {
      letters(text, from, to, out);
    }
  }

  /** The word with its digits, symbols and stretched letters read as letters. */
  private static void letters(String text, int from, int to, StringBuilder out) {
    int firstLetter = -1;
    int lastLetter = -1;
    for (int i = from; i < to; i++) {
      if (Character.isLetter(text.charAt(i))) {
        firstLetter = firstLetter < 0 ? i : firstLetter;
        lastLetter = i;
      }
    }
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        i = digits(text, i, to, firstLetter, out);
        continue;
      }
      int k = ANYWHERE_FROM.indexOf(c);
      if (k >= 0) {
        out.append(ANYWHERE_TO.charAt(k));
      } else if ((k = BETWEEN_FROM.indexOf(c)) >= 0
          && (i > firstLetter && i < lastLetter
              || openingC(text, i, from, to)
              || c == '|' && i > firstLetter && run(text, i, to, c) >= 2)) {
        int run = run(text, i, to, c);
        boolean ell = run >= 2 && (c == '|');
        out.repeat(ell ? 'l' : BETWEEN_TO.charAt(k), run);
        i += run;
        continue;
      } else if (Character.isLetter(c) && c < 0x80) {
        int run = run(text, i, to, c);
        out.repeat(c, run < 3 ? run : kept(c, i == from));
        i += run;
        continue;
      } else {
        out.append(c);
      }
      i++;
    }
  }

  /** Whether the word holds a digit or a symbol standing for a letter. */
  private static boolean disguised(String text, int from, int to, int first, int last) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9'
          || ANYWHERE_FROM.indexOf(c) >= 0
          || c == '<'
          || c == '\\'
          || c == '{'
          || i > first && i < last && BETWEEN_FROM.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a letter drawn with several symbols starts anywhere in the word. */
  private static boolean drawn(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (drawnAt(text, i, to) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The word with each letter drawn with several symbols written as the letter. */
  private static String undrawn(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int d = drawnAt(text, i, to);
      if (d >= 0) {
        out.append(DRAWN[d][1]);
        i += DRAWN[d][0].length();
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The index in {@link #DRAWN} of the letter drawn at {@code i}, or -1. */
  private static int drawnAt(String text, int i, int to) {
    for (int d = 0; d < DRAWN.length; d++) {
      String from = DRAWN[d][0];
      if (i + from.length() <= to && text.startsWith(from, i)) {
        return d;
      }
    }
    return -1;
  }

  /**
   * Digits in a word with letters: a run of ones is a run of l ({@code ki11}), a two leading
   * letters is "to" ({@code 2day}), any other digit the letter it looks like.
   */
  private static int digits(String text, int i, int to, int firstLetter, StringBuilder out) {
    char c = text.charAt(i);
    int run = run(text, i, to, c);
    if (c == '1' && run >= 2) {
      out.repeat('l', run);
    } else if (c == '2' && run == 1 && i + 1 == firstLetter && i == wordStart(text, i)) {
      out.append("to");
    } else {
      out.repeat(DIGITS.charAt(c - '0'), run);
    }
    return i + run;
  }

  /** A parenthesis opening a word of letters and digits that it does not close: (r4ck. */
  private static boolean openingC(String text, int i, int from, int to) {
    if (text.charAt(i) != '(' || i != from || i + 1 >= to) {
      return false;
    }
    boolean digit = false;
    for (int j = i + 1; j < to; j++) {
      char c = text.charAt(j);
      if (c == ')' || !Character.isLetterOrDigit(c) && j + 1 < to) {
        return false;
      }
      digit |= c >= '0' && c <= '9';
    }
    return digit && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static int wordStart(String text, int i) {
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int run(String text, int i, int to, char c) {
    int j = i;
    while (j < to && Character.toLowerCase(text.charAt(j)) == Character.toLowerCase(c)) {
      j++;
    }
    return j - i;
  }

  /**
   * How many of a letter stretched three times or more are kept: two of those that end words
   * doubled ({@code killll}, {@code asss}), one of any other and at the start of a word.
   */
  private static int kept(char c, boolean wordStart) {
    char l = Character.toLowerCase(c);
    return !wordStart && (l == 'l' || l == 's' || l == 'f' || l == 'z') ? 2 : 1;
  }

  /** Whether a word of letters alone has a letter three times or more in a row. */
  static boolean stretched(String text, int from, int to) {
    for (int i = from + 2; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && c == text.charAt(i - 1) && c == text.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word is a number with a unit or ordinal after it: 3rd, 10pm, 4k, 1990s. */
  private static boolean measured(String text, int from, int to) {
    int i = from;
    while (i < to && !Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    int digits = i;
    while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    if (i == digits) {
      return false;
    }
    int letters = i;
    while (i < to && Character.isLetter(text.charAt(i))) {
      i++;
    }
    int end = i;
    while (i < to && !Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    return i == to
        && end > letters
        && UNITS.contains(text.substring(letters, end).toLowerCase(java.util.Locale.ROOT));
  }
}
