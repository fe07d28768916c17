package dev.lazurite.safety.embedded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Words and phrases of which a lower-case text may contain one, found without a regular expression:
 * a pattern of a hundred alternatives is tried at every position of the text, while a text's words
 * are looked up once each. An entry is a word, a prefix ({@code infest*}), or a phrase (words with
 * spaces, hyphens or apostrophes between them, or Chinese), which must stand whole: not inside a
 * longer word.
 */
record Lexicon(Set<String> words, List<String> prefixes, List<String> phrases) {
  /** The lexicon of {@code joined}, entries separated by {@code |}. */
  static Lexicon of(String joined) {
    Set<String> words = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (String entry : joined.split("\\|")) {
      if (entry.endsWith("*")) {
        prefixes.add(entry.substring(0, entry.length() - 1));
      } else if (entry.codePoints().allMatch(Character::isLetter)
          && entry.codePoints().noneMatch(Character::isIdeographic)) {
        words.add(entry);
      } else {
        phrases.add(entry);
      }
    }
    return new Lexicon(Set.copyOf(words), List.copyOf(prefixes), List.copyOf(phrases));
  }

  boolean in(String lower) {
    for (String phrase : phrases) {
      if (stands(lower, phrase)) {
        return true;
      }
    }
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(lower.charAt(i))) {
        i++;
      }
      if (i > start && (words.contains(lower.substring(start, i)) || prefixed(lower, start, i))) {
        return true;
      }
    }
    return false;
  }

  private boolean prefixed(String lower, int start, int end) {
    for (String prefix : prefixes) {
      if (end - start >= prefix.length() && lower.startsWith(prefix, start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code phrase} occurs in {@code lower} not inside a longer word. */
  private static boolean stands(String lower, String phrase) {
    for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      int end = at + phrase.length();
      if (edge(lower, at - 1, phrase.charAt(0))
          && edge(lower, end, phrase.charAt(phrase.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the character at {@code i}, beside a phrase's letter {@code inner}, ends the phrase.
   */
  private static boolean edge(String lower, int i, char inner) {
    return i < 0
        || i >= lower.length()
        || !Character.isLetter(inner)
        || Character.isIdeographic(inner)
        || !Character.isLetter(lower.charAt(i));
  }
}
