package dev.lazurite.safety;

import java.util.List;

/**
 * Azure's profanity filter: a fixed list of common English profanities, matched as whole words
 * (letter case aside). A few stems match with any ending ("fucking", "shitty"); two phrases ("piss
 * off", "damn it") match as written. The text is read in one pass, word by word, so that a long
 * prompt costs a few microseconds.
 */
final class Profanity {
  /** Stems that are profane whatever ASCII letters follow them. */
  private static final List<String> STEMS =
      List.of("fuck", "motherfuck", "shit", "bitch", "goddamn", "jackass", "douche");

  /** Words that are profane as they stand. */
  private static final List<String> WORDS =
      List.of(
          "bullshit",
          "bastard",
          "bastards",
          "asshole",
          "assholes",
          "arsehole",
          "arseholes",
          "dickhead",
          "dickheads",
          "cunt",
          "cunts",
          "twat",
          "twats",
          "wanker",
          "wankers",
          "prick",
          "pricks",
          "crap",
          "bollocks");

  private Profanity() {}

  static boolean in(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && Character.isLetter(text.charAt(end))) {
        end++;
      }
      if (end - i >= 4 && profane(text, i, end)) {
        return true;
      }
      i = end;
    }
    return false;
  }

  /**
   * Whether the word {@code text[from, to)} is profane, alone or with the word after it. Compared
   * in place (ASCII letters lower-cased), since nearly every word of a prompt is looked at.
   */
  private static boolean profane(String text, int from, int to) {
    char first = lower(text.charAt(from));
    if ("abcdfgjmpstw".indexOf(first) < 0 || to - from > 24) {
      return false;
    }
    for (String stem : STEMS) {
      if (to - from >= stem.length()
          && same(text, from, from + stem.length(), stem)
          && ascii(text, from + stem.length(), to)) {
        return true;
      }
    }
    for (String word : WORDS) {
      if (same(text, from, to, word)) {
        return true;
      }
    }
    if (same(text, from, to, "piss") || same(text, from, to, "pissed")) {
      return followedBy(text, to, "off");
    }
    return same(text, from, to, "damn") && followedBy(text, to, "it");
  }

  /** Whether {@code text[from, to)} is {@code word} with its ASCII capitals lower-cased. */
  private static boolean same(String text, int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (lower(text.charAt(i)) != word.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the word at {@code at} is one space and then {@code next} as a whole word. */
  private static boolean followedBy(String text, int at, String next) {
    int end = at + 1 + next.length();
    return end <= text.length()
        && text.charAt(at) == ' '
        && text.regionMatches(true, at + 1, next, 0, next.length())
        && (end == text.length() || !Character.isLetter(text.charAt(end)));
  }

  private static boolean ascii(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
