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

  private CodedSelfHarm() {}

  /** The cue terms that {@code text} shows. */
  static List<String> of(String text) {
    boolean slang = SLANG.matcher(text).find();
    int counts = 0;
    if (text.chars().anyMatch(Character::isDigit)) {
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
}
