package dev.lazurite.safety;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a classifier found in one text: a severity per category it assessed (detections are {@link
 * Severity#SAFE} or {@link Severity#HIGH}), or the reason it could not assess the text.
 *
 * @param error present when a classifier did not run: with no severities the text is not filtered;
 *     with severities, another classifier decided in its place (a fallback)
 */
public record Assessment(Map<Category, Severity> severities, Optional<String> error) {
  public Assessment {
    severities = severities.isEmpty() ? Map.of() : new EnumMap<>(severities);
  }

  public static Assessment of(Map<Category, Severity> severities) {
    return new Assessment(severities, Optional.empty());
  }

  public static Assessment failed(String reason) {
    return new Assessment(Map.of(), Optional.of(reason));
  }

  /**
   * A verdict another classifier gave in place of one that failed: it filters as usual and is
   * annotated with the failure.
   */
  public static Assessment fallback(Map<Category, Severity> severities, String reason) {
    return new Assessment(severities, Optional.of(reason));
  }

  /** Whether some classifier judged the text (it did unless the only one failed). */
  public boolean decided() {
    return error.isEmpty() || !severities.isEmpty();
  }

  public Severity severity(Category category) {
    return severities.getOrDefault(category, Severity.SAFE);
  }

  public boolean detected(Category category) {
    return severity(category) != Severity.SAFE;
  }

  /** The worse of two severities. */
  public static Severity worse(Severity a, Severity b) {
    return a.atLeast(b) ? a : b;
  }

  /** The worse of two assessments, category by category; an error in either is kept. */
  public Assessment max(Assessment other) {
    // A prompt's first text meets an empty assessment; most texts are safe everywhere.
    if (error.isEmpty() && (severities.isEmpty() || allSafe() && other.covers(severities))) {
      return other;
    }
    if (other.error.isEmpty()
        && (other.severities.isEmpty() || other.allSafe() && covers(other.severities))) {
      return this;
    }
    Map<Category, Severity> merged = new EnumMap<>(Category.class);
    merged.putAll(severities);
    other.severities.forEach((c, s) -> merged.merge(c, s, Assessment::worse));
    return new Assessment(merged, error.or(other::error));
  }

  private boolean allSafe() {
    for (Severity s : severities.values()) {
      if (s != Severity.SAFE) {
        return false;
      }
    }
    return true;
  }

  /** Whether this assessed every category {@code others} names. */
  private boolean covers(Map<Category, Severity> others) {
    return severities.keySet().containsAll(others.keySet());
  }
}
