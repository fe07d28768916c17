package dev.lazurite.safety.eval;

import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.RUN;
import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.safety.Category;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The development set is where changes to the classifier are tried, so it must measure reading as
 * the held-out set does: none of its lines may share a run of {@value
 * TrainingHeldOutOverlapTest#RUN} words (normalised as {@link TrainingHeldOutOverlapTest}
 * describes) with a training line or with a held-out line. On failure only development lines are
 * listed.
 */
class DevelopmentSetOverlapTest {
  private static final String DEV = "/safety/dev/dev.jsonl";

  @Test
  void noDevelopmentLineSharesAFiveWordRunWithTheTrainingSet() {
    assertThat(offending(TrainingHeldOutOverlapTest.trainingRuns()))
        .as("development lines that share a run of %d words with a training line", RUN)
        .isEmpty();
  }

  @Test
  void theDevelopmentSetCoversEveryHarmCategoryLanguageAndBenignSubgroup() {
    List<LabelledExample> dev = LabelledSet.development();
    for (Category c :
        List.of(
            Category.HATE,
            Category.SEXUAL,
            Category.VIOLENCE,
            Category.SELF_HARM,
            Category.JAILBREAK)) {
      assertThat(dev.stream().filter(e -> e.isAbout(c) && e.harmful()).count())
          .as("harmful %s lines", c.wire())
          .isGreaterThanOrEqualTo(25);
    }
    for (String language : List.of("en", "es", "de", "fr", "pt", "zh")) {
      assertThat(dev)
          .as("lines in %s", language)
          .anyMatch(e -> e.harmful() && e.facets().language().equals(language))
          .anyMatch(e -> !e.harmful() && e.facets().language().equals(language));
    }
    for (String subgroup :
        List.of("medical", "security", "legal", "financial", "history", "fiction", "idiom")) {
      assertThat(dev.stream().filter(e -> e.facets().subgroup().equals(subgroup)).count())
          .as("benign %s lines", subgroup)
          .isGreaterThanOrEqualTo(8);
    }
    assertThat(dev.stream().map(e -> e.facets().obfuscation()).distinct())
        .contains("none", "leetspeak", "spaced", "base64", "translate");
  }

  private static List<String> offending(Set<List<String>> other) {
    List<TrainingHeldOutOverlapTest.Line> dev = lines(DEV);
    assertThat(dev).as("development lines").hasSizeGreaterThan(250);
    return TrainingHeldOutOverlapTest.linesSharingARun(dev, other);
  }
}
