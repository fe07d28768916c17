package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ways people write about harming themselves without the plain words: slang and abbreviations
 * ("kms", "unalive", "ctb"), the vocabulary of eating-disorder communities ("pro-ana", "thinspo",
 * "meanspo"), a target weight beside a daily calorie count, and the same in the other languages the
 * classifier reads. Each adds a cue term that the models weigh like any other: the cue alone
 * decides nothing, since recovery and support text uses the same words.
 */
final class CodedSelfHarm {
  private static final Pattern SLANG =
      Pattern.compile(
          "(?iu)(?:\\b(?:kms|ctb|unaliv\\w*|sewerslide|su[i1]c[i1]d\\w*[0-9]\\w*|sui\\b|relapsed on sh"
              + "|pro-?ana|pro-?mia|thinspo\\w*|meanspo\\w*|bonespo\\w*|off myself"
              + "|(?:not|never) wake up again|starv(?:e|ing) myself|me quitar la vida|quitarme la vida"
              + "|mich umbringen|schluss mit allem|me tuer|me matar|acabar com a minha vida"
              + "|pr[oó]-ana)\\b|割腕|轻生|不想活|催吐)");

  private static final Pattern CALORIES =
      Pattern.compile(
          "(?iu)\\b\\d{2,4}\\s*(?:k?cal\\w*|calor\\w*|kalor\\w*)|\\d{2,4}\\s*卡|\\b\\d{2}\\s*(?:kg|kilo\\w*|lbs?)\\b|\\d{2}\\s*公斤");

  /**
   * Strings of which a text, with its letter case folded as the patterns fold it, contains one
   * wherever {@link #SLANG} matches: each alternative holds one of them. Looking for them costs a
   * fraction of trying the pattern, and nearly every text has none.
   */
  private static final List<String> SLANG_NEEDS =
      List.of(
          "kms",
          "ctb",
          "unaliv",
          "sewerslide",
          "sui",
          "su1c",
          "relapsed on sh",
          "ana",
          "mia",
          "spo",
          "myself",
          "wake up again",
          "quitar",
          "umbringen",
          "schluss mit allem",
          "me tuer",
          "me matar",
          "acabar com a minha vida",
          "割腕",
          "轻生",
          "不想活",
          "催吐");

  /** The same for {@link #CALORIES}: a unit of energy or of weight. */
  private static final List<String> CALORIES_NEEDS =
      List.of("cal", "kal", "卡", "kg", "kilo", "lb", "公斤");

  private CodedSelfHarm() {}

  /** The cue terms that {@code text} shows. */
  static List<String> of(String text) {
    String folded = folded(text);
    boolean slang = holdsAny(folded, SLANG_NEEDS) && SLANG.matcher(text).find();
    int counts = 0;
    if (holdsAny(folded, CALORIES_NEEDS) && text.chars().anyMatch(Character::isDigit)) {
      var calories = CALORIES.matcher(text);
      while (counts < 2 && calories.find()) {
        counts++;
      }
    }
    if (slang && counts >= 2) {
      return List.of("#coded-self-harm", "#calorie-target");
    }
    if (slang) {
      return List.of("#coded-self-harm");
    }
    return counts >= 2 ? List.of("#calorie-target") : List.of();
  }

  /**
   * Each character as a case-insensitive Unicode pattern compares it: upper case, then lower case
   * (so that the Kelvin sign is a "k" and a long "ſ" an "s").
   */
  private static String folded(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
    }
    return new String(out);
  }

  private static boolean holdsAny(String folded, List<String> needs) {
    for (String s : needs) {
      if (folded.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
