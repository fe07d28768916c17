package dev.lazurite.safety.embedded;

import dev.lazurite.safety.Category;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The categories in which a window shows the shape of a harmful request: violence asked for or
 * promised against a person ({@link HarmRequests}), threatened to the person ({@link Threats}) or
 * meant to pass unnoticed ({@link CovertHarm}); sexual content with a child or without consent
 * ({@link SexualHarm}); a hateful claim about a group ({@link HateClaims}); the means of ending
 * one's life ({@link LethalMeans}); outside English, a jailbreak ({@link CuesAbroad}). An English
 * window is tried only when its stems, at hand in its terms, hold a stem of each of a shape's parts
 * (an act and a person; the person addressed and a menace; a group and a claim; a means and an end;
 * …): looking a few dozen stems up costs far less than looking for every word in the text, and
 * everyday text seldom holds both parts. A window in another language is tried when it contains one
 * of a shape's words. Every shape but a threat's decides its category alone ({@link Shown}).
 */
final class RequestShapes {
  private static final int ACT = 1;
  private static final int PERSON = 1 << 1;
  private static final int PASSES = 1 << 2;
  private static final int HARM = 1 << 3;
  private static final int SEXUAL = 1 << 4;
  private static final int CHILD = 1 << 5;
  private static final int COERCION = 1 << 6;
  private static final int ADDRESSED = 1 << 7;
  private static final int MENACE = 1 << 8;
  private static final int GROUP = 1 << 9;
  private static final int CLAIM = 1 << 10;
  private static final int MEANS = 1 << 11;
  private static final int END = 1 << 12;
  private static final int HIDE = 1 << 13;
  private static final int WOUND = 1 << 14;
  private static final int SECRET = 1 << 15;

  /** For each English stem of a shape's words, the shapes it opens: bits as above. */
  private static final Map<String, Integer> OPENS = opens();

  private RequestShapes() {}

  private static Map<String, Integer> opens() {
    Map<String, Integer> opens = new HashMap<>();
    add(opens, HarmRequests.ENGLISH_ACTS, ACT);
    add(opens, HarmRequests.ENGLISH_PEOPLE, PERSON);
    add(opens, CovertHarm.ENGLISH_PASSES, PASSES);
    add(opens, CovertHarm.ENGLISH_HARM, HARM);
    add(opens, SexualHarm.ENGLISH_SEXUAL, SEXUAL);
    add(opens, SexualHarm.ENGLISH_CHILD, CHILD);
    add(opens, SexualHarm.ENGLISH_COERCION, COERCION);
    add(opens, SexualHarm.ENGLISH_SECRET, SECRET);
    add(opens, Threats.ENGLISH_ADDRESSED, ADDRESSED);
    add(opens, Threats.ENGLISH_MENACE, MENACE);
    add(opens, HateClaims.ENGLISH_GROUP, GROUP);
    add(opens, HateClaims.ENGLISH_CLAIM, CLAIM);
    add(opens, LethalMeans.ENGLISH_MEANS, MEANS);
    add(opens, LethalMeans.ENGLISH_END, END);
    add(opens, LethalMeans.ENGLISH_HIDE, HIDE);
    add(opens, LethalMeans.ENGLISH_WOUND, WOUND);
    return Map.copyOf(opens);
  }

  private static void add(Map<String, Integer> opens, String words, int bit) {
    TextFeatures.stems(words).forEach(stem -> opens.merge(stem, bit, (a, b) -> a | b));
  }

  private static boolean has(int open, int bits) {
    return (open & bits) == bits;
  }

  /**
   * The categories whose shape {@code window} shows, and those its shape decides alone; {@code
   * terms} are its terms as {@link TextFeatures#terms(String, Languages)} gives them for {@code
   * language}.
   */
  static Shown of(String window, Languages language, List<String> terms) {
    boolean violence;
    boolean threatOnly;
    boolean sexual;
    boolean hate;
    boolean selfHarm;
    boolean jailbreak = false;
    if (language == Languages.EN) {
      int open = 0;
      // Stems and pairs of stems alternate; a pair or a cue opens nothing.
      for (int i = 0; i < terms.size(); i += 2) {
        Integer bits = OPENS.get(terms.get(i));
        if (bits != null) {
          open |= bits;
        }
      }
      boolean asked = has(open, ACT | PERSON);
      boolean covert = has(open, PASSES | HARM);
      boolean sexualWords =
          has(open, SEXUAL | CHILD) || has(open, SEXUAL | COERCION) || has(open, CHILD | SECRET);
      boolean threat = has(open, ADDRESSED | MENACE);
      boolean claim = has(open, GROUP | CLAIM);
      boolean means = has(open, MEANS | END) || has(open, HIDE | WOUND);
      if (!asked && !covert && !sexualWords && !threat && !claim && !means) {
        return Shown.NONE;
      }
      String lower = window.toLowerCase(Locale.ROOT);
      boolean request =
          (asked && HarmRequests.asks(lower, Languages.EN))
              || (covert && CovertHarm.matches(lower));
      violence = request || (threat && Threats.english(lower));
      threatOnly = violence && !request;
      sexual = sexualWords && SexualHarm.matches(lower);
      hate = claim && HateClaims.asks(lower);
      selfHarm = means && LethalMeans.asks(lower);
    } else {
      String lower = window.toLowerCase(Locale.ROOT);
      boolean request = HarmRequests.asks(lower, language) || CovertHarm.asks(lower);
      violence = request || Threats.asks(lower);
      threatOnly = violence && !request;
      sexual = SexualHarm.asks(lower);
      hate = HateClaims.asks(lower);
      selfHarm = LethalMeans.asks(lower);
      jailbreak = CuesAbroad.asks(lower);
    }
    if (!violence && !sexual && !hate && !selfHarm && !jailbreak) {
      return Shown.NONE;
    }
    Set<Category> shapes = EnumSet.noneOf(Category.class);
    if (violence) {
      shapes.add(Category.VIOLENCE);
    }
    if (sexual) {
      shapes.add(Category.SEXUAL);
    }
    if (hate) {
      shapes.add(Category.HATE);
    }
    if (selfHarm) {
      shapes.add(Category.SELF_HARM);
    }
    if (jailbreak) {
      shapes.add(Category.JAILBREAK);
    }
    Set<Category> decided = EnumSet.copyOf(shapes);
    if (threatOnly) {
      decided.remove(Category.VIOLENCE);
    }
    return new Shown(shapes, decided);
  }
}
