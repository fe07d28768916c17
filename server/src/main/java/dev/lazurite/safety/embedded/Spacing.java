package dev.lazurite.safety.embedded;

/**
 * Letters written one by one and split by spaces, line breaks, punctuation or pictographs ({@code b
 * o m b}, {@code b.o.m.b}, {@code b-o-m-b}, {@code b_o_m_b}, {@code b / o / m / b}, {@code
 * b|o|m|b}, {@code b–o–m–b}, {@code b★o★m★b}, letters apart by thin or ideographic spaces) joined
 * into words again. Only such runs are joined, not the ordinary words around them. Within a run,
 * the gap written most often is the one between letters; a wider or different gap ({@code k i l l m
 * e}, {@code k.i.l.l m.e}) is taken for the space between words.
 */
final class Spacing {
  /** The longest gap between two letters of one run. */
  private static final int GAP = 5;

  /** How many kinds of gap there are ({@link #kind}: a width up to {@link #GAP}, two flags). */
  private static final int KINDS = (GAP + 1) * 4;

  /** The marks written between letters, besides spaces, dashes and pictographs. */
  private static final String MARKS = ".-_*·/|¦•~=^…‧∙⋅◦‣⁃";

  private Spacing() {}

  /**
   * The text with its runs joined: {@code all} with each word of a run joined whole, {@code apart}
   * the same except that a leading "a" or "I" (or "i", as a lower-case text writes it) stays a word
   * of its own ({@code make a b o m b} reads "make abomb" or "make a bomb", {@code do i s t a b}
   * "do istab" or "do i stab"; which one was meant the letters alone do not say).
   */
  record Joined(String all, String apart) {}

  static Joined joined(String text) {
    StringBuilder all = new StringBuilder(text.length());
    StringBuilder apart = new StringBuilder(text.length());
    int n = text.length();
    int copied = 0;
    int[] glyphs = new int[16];
    for (int i = 0; i < n; i++) {
      if (!glyph(text, i)) {
        continue;
      }
      int count = 0;
      int at = i;
      while (true) {
        if (count == glyphs.length) {
          glyphs = java.util.Arrays.copyOf(glyphs, count * 2);
        }
        glyphs[count++] = at;
        int next = at + 1;
        while (next < n && next - at - 1 < GAP && separator(text.charAt(next))) {
          next++;
        }
        if (next == at + 1 || next >= n || !glyph(text, next)) {
          break;
        }
        at = next;
      }
      if (!qualifies(text, glyphs, count)) {
        i = glyphs[count - 1];
        continue;
      }
      all.append(text, copied, i);
      apart.append(text, copied, i);
      write(text, glyphs, count, all, apart);
      copied = glyphs[count - 1] + 1;
      i = copied - 1;
    }
    all.append(text, copied, n);
    apart.append(text, copied, n);
    return new Joined(all.toString(), apart.toString());
  }

  /** A run holds at least two letters and more letters than digits; one of spaces alone three. */
  private static boolean qualifies(String text, int[] glyphs, int count) {
    if (count < 2) {
      return false;
    }
    int letters = 0;
    boolean punctuated = false;
    for (int g = 0; g < count; g++) {
      letters += Character.isLetter(text.charAt(glyphs[g])) ? 1 : 0;
      if (g > 0) {
        punctuated |= kind(text, glyphs[g - 1] + 1, glyphs[g]) % 2 == 1;
      }
    }
    return letters >= 2 && letters * 2 > count && (count >= 3 || punctuated);
  }

  private static void write(
      String text, int[] glyphs, int count, StringBuilder all, StringBuilder apart) {
    int joining = joiningKind(text, glyphs, count);
    int wordStart = 0;
    for (int g = 0; g < count; g++) {
      boolean boundary = g > 0 && kind(text, glyphs[g - 1] + 1, glyphs[g]) != joining;
      if (g > 0 && boundary) {
        all.append(' ');
        apart.append(' ');
        wordStart = g;
      }
      char c = text.charAt(glyphs[g]);
      all.append(c);
      apart.append(c);
      if (g == wordStart
          && (c == 'a' || c == 'A' || c == 'I' || c == 'i')
          && wordLength(text, glyphs, count, g, joining) >= 4) {
        apart.append(' ');
      }
    }
  }

  private static int wordLength(String text, int[] glyphs, int count, int from, int joining) {
    int g = from + 1;
    while (g < count && kind(text, glyphs[g - 1] + 1, glyphs[g]) == joining) {
      g++;
    }
    return g - from;
  }

  /** The kind of gap written most often in the run; on a tie, the narrowest. */
  private static int joiningKind(String text, int[] glyphs, int count) {
    int[] seen = new int[KINDS];
    for (int g = 1; g < count; g++) {
      seen[kind(text, glyphs[g - 1] + 1, glyphs[g])]++;
    }
    int best = 0;
    for (int k = 1; k < KINDS; k++) {
      if (seen[k] > seen[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * A gap's kind: its width, whether it breaks the line, whether it holds punctuation, packed in
   * one number that grows with the width.
   */
  private static int kind(String text, int from, int to) {
    boolean punctuation = false;
    boolean newline = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      newline |= c == '\n' || c == '\r';
      punctuation |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }
    return (to - from) * 4 + (newline ? 2 : 0) + (punctuation ? 1 : 0);
  }

  /** A letter or digit standing alone, with no letter or digit on either side. */
  static boolean glyph(String text, int i) {
    return Character.isLetterOrDigit(text.charAt(i))
        && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
        && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
  }

  /**
   * What may split the letters of a run: any space (the Unicode ones too), the characters that take
   * no room, dashes and the marks written between letters ({@code . - _ * · / | • ~ = ^ …}), and
   * pictographs (emoji, stars, skulls). A bar counts only between letters that stand alone ({@code
   * f|u|m|i|g|a|t|e}): within a word ({@code k|ll}) leetspeak reads it as a letter. Not the other
   * symbols leetspeak reads as letters ({@code + ! $ @ ( #}), nor the commas, colons and
   * apostrophes of ordinary prose.
   */
  static boolean separator(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Disguises.invisible(c)) {
      return true;
    }
    if (MARKS.indexOf(c) >= 0) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.DASH_PUNCTUATION, Character.OTHER_SYMBOL, Character.SURROGATE -> true;
      default -> false;
    };
  }
}
