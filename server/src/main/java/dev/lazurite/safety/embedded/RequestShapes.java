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
 * promised against a person ({@link HarmRequests}) or meant to pass unnoticed ({@link CovertHarm}),
 * sexual content with a child or without consent ({@link SexualHarm}). An English window is tried
 * only when its stems, at hand in its terms, hold a stem of each of a shape's parts (an act and a
 * person; a wish to pass unnoticed and a harm; a sexual word and a child or coercion): looking a
 * few dozen stems up costs far less than looking for every act's name in the text, and everyday
 * text seldom holds both parts. A window in another language is tried when it contains one of those
 * names.
 */
final class RequestShapes {
  private static final int ACT = 1;
  private static final int PERSON = 1 << 1;
  private static final int PASSES = 1 << 2;
  private static final int HARM = 1 << 3;
  private static final int SEXUAL = 1 << 4;
  private static final int CHILD = 1 << 5;
  private static final int COERCION = 1 << 6;

  /** For each English stem of a shape's words, the shapes it opens: bits as above. */
  private static final Map<String, Integer> OPENS = opens();

  private static final Set<Category> VIOLENCE = Set.of(Category.VIOLENCE);
  private static final Set<Category> SEXUAL_CONTENT = Set.of(Category.SEXUAL);

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
    return Map.copyOf(opens);
  }

  private static void add(Map<String, Integer> opens, String words, int bit) {
    TextFeatures.stems(words).forEach(stem -> opens.merge(stem, bit, (a, b) -> a | b));
  }

  private static boolean has(int open, int bits) {
    return (open & bits) == bits;
  }

  /**
   * The categories whose shape {@code window} shows; {@code terms} are its terms as {@link
   * TextFeatures#terms(String, Languages)} gives them for {@code language}.
   */
  static Set<Category> of(String window, Languages language, List<String> terms) {
    boolean violence;
    boolean sexual;
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
      boolean sexualWords = has(open, SEXUAL | CHILD) || has(open, SEXUAL | COERCION);
      if (!asked && !covert && !sexualWords) {
        return Set.of();
      }
      String lower = window.toLowerCase(Locale.ROOT);
      violence =
          (asked && HarmRequests.asks(lower, Languages.EN))
              || (covert && CovertHarm.matches(lower));
      sexual = sexualWords && SexualHarm.matches(lower);
    } else {
      String lower = window.toLowerCase(Locale.ROOT);
      violence = HarmRequests.asks(lower, language) || CovertHarm.asks(lower);
      sexual = SexualHarm.asks(lower);
    }
    if (violence && sexual) {
      return EnumSet.of(Category.VIOLENCE, Category.SEXUAL);
    }
    return violence ? VIOLENCE : sexual ? SEXUAL_CONTENT : Set.of();
  }
}
