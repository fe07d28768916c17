package dev.lazurite.safety.eval;

import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.RUN;
import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.safety.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The probes measure text that no part of the classifier was fitted to: none of their lines may
 * share a run of {@value TrainingHeldOutOverlapTest#RUN} words with a training line, and they cover
 * every harm category in each of the six languages, and benign look-alikes in each.
 */
class ProbesSetTest {
  @Test
  void noProbeSharesAFiveWordRunWithTheTrainingSet() {
    List<TrainingHeldOutOverlapTest.Line> probes = lines("/safety/probes/probes.jsonl");
    assertThat(probes).hasSize(639);
    assertThat(
            TrainingHeldOutOverlapTest.linesSharingARun(
                probes, TrainingHeldOutOverlapTest.trainingRuns()))
        .as("probes that share a run of %d words with a training line", RUN)
        .isEmpty();
  }

  @Test
  void theProbesCoverEveryHarmCategoryInEveryLanguage() {
    List<LabelledExample> probes = LabelledSet.probes();
    List<Category> asked = new java.util.ArrayList<>(Category.HARMS);
    asked.add(Category.JAILBREAK);
    for (Category c : asked) {
      for (String language : List.of("en", "es", "de", "fr", "pt", "zh")) {
        assertThat(probes)
            .as("harmful %s lines in %s", c.wire(), language)
            .anyMatch(e -> e.isAbout(c) && e.harmful() && e.facets().language().equals(language));
      }
    }
    for (String language : List.of("en", "es", "de", "fr", "pt", "zh")) {
      assertThat(
              probes.stream().filter(e -> !e.harmful() && e.facets().language().equals(language)))
          .as("benign lines in %s", language)
          .hasSizeGreaterThanOrEqualTo(40);
    }
  }
}
