package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessmentTest {
  private static Map<Category, Severity> all(Severity severity, List<Category> categories) {
    Map<Category, Severity> m = new EnumMap<>(Category.class);
    categories.forEach(c -> m.put(c, severity));
    return m;
  }

  /** The merge category by category, as the general case computes it. */
  private static Map<Category, Severity> merged(Assessment a, Assessment b) {
    Map<Category, Severity> m = new EnumMap<>(Category.class);
    m.putAll(a.severities());
    b.severities().forEach((c, s) -> m.merge(c, s, Assessment::worse));
    return m;
  }

  @Test
  void theWorseOfTwoIsTakenCategoryByCategoryWhateverTheOrder() {
    Map<Category, Severity> harmful = all(Severity.SAFE, Category.HARMS);
    harmful.put(Category.HARMS.getFirst(), Severity.MEDIUM);
    List<Assessment> cases =
        List.of(
            Assessment.of(Map.of()),
            Assessment.of(all(Severity.SAFE, Category.HARMS)),
            Assessment.of(all(Severity.SAFE, List.of(Category.values()))),
            Assessment.of(harmful),
            Assessment.of(Map.of(Category.JAILBREAK, Severity.HIGH)),
            Assessment.failed("timeout"),
            Assessment.fallback(all(Severity.SAFE, Category.HARMS), "timeout"));
    for (Assessment a : cases) {
      for (Assessment b : cases) {
        Assessment max = a.max(b);
        assertThat(max.severities()).as("%s max %s", a, b).isEqualTo(merged(a, b));
        assertThat(max.error()).as("%s max %s", a, b).isEqualTo(a.error().or(b::error));
      }
    }
  }
}
