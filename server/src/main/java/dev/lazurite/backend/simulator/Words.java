package dev.lazurite.backend.simulator;

import java.util.List;
import java.util.Random;

/**
 * Plain English for the simulator to say: workplace words with no second meaning, so that its
 * answers never trip a content filter (words about groups of people, or "private" and "access",
 * made random word strings read as hate or sexual content).
 */
final class Words {
  private static final List<String> VOCABULARY =
      List.of(
          "the",
          "model",
          "answer",
          "question",
          "data",
          "service",
          "request",
          "time",
          "schedule",
          "system",
          "result",
          "example",
          "value",
          "simple",
          "clear",
          "first",
          "next",
          "important",
          "support",
          "help",
          "information",
          "process",
          "change",
          "work",
          "team",
          "project",
          "plan",
          "report",
          "review",
          "update",
          "option",
          "choice",
          "reason",
          "context",
          "detail",
          "point",
          "step",
          "way",
          "part",
          "place",
          "case",
          "meeting",
          "number",
          "level",
          "area",
          "idea",
          "problem",
          "solution",
          "design",
          "approach",
          "feature",
          "user",
          "customer",
          "policy",
          "document",
          "source",
          "summary",
          "response",
          "quality",
          "topic",
          "network",
          "version",
          "cost",
          "budget",
          "region",
          "capacity",
          "limit",
          "usage",
          "record",
          "history",
          "future",
          "current",
          "recent",
          "common",
          "useful",
          "careful",
          "helpful",
          "reliable",
          "quick",
          "good",
          "better",
          "small",
          "large",
          "new",
          "local",
          "global",
          "shared",
          "draft",
          "is",
          "are",
          "can",
          "will",
          "should",
          "may",
          "helps",
          "shows",
          "makes",
          "gives",
          "provides",
          "keeps",
          "uses",
          "needs",
          "includes",
          "explains",
          "follows",
          "and",
          "or",
          "but",
          "with",
          "for",
          "from",
          "about",
          "into",
          "over",
          "within",
          "across",
          "this",
          "that",
          "each",
          "every",
          "many",
          "most",
          "some",
          "often",
          "usually",
          "also");

  private static final List<String> CITIES =
      List.of("Seattle, WA", "Paris, France", "Tokyo, Japan", "Oslo, Norway", "Austin, TX");

  private Words() {}

  static String word(Random random) {
    return VOCABULARY.get(random.nextInt(VOCABULARY.size()));
  }

  static String city(Random random) {
    return CITIES.get(random.nextInt(CITIES.size()));
  }

  static String phrase(Random random, int words) {
    StringBuilder phrase = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        phrase.append(' ');
      }
      phrase.append(word(random));
    }
    return phrase.toString();
  }

  /** Sentences of 6 to 16 words until at least {@code words} words have been written. */
  static String prose(Random random, int words) {
    StringBuilder text = new StringBuilder(words * 8 + 16);
    int written = 0;
    while (written < words) {
      int length = 6 + random.nextInt(11);
      if (!text.isEmpty()) {
        text.append(' ');
      }
      for (int i = 0; i < length; i++) {
        String word = word(random);
        if (i == 0) {
          text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
          text.append(' ').append(word);
        }
      }
      text.append('.');
      written += length;
    }
    return text.toString();
  }
}
