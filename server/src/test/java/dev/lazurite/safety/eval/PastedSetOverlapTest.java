package dev.lazurite.safety.eval;

import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.RUN;
import static dev.lazurite.safety.eval.TrainingHeldOutOverlapTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pasted everyday text measures false alarms on text nobody trained for, so, like the
 * development set, none of its lines may share a run of {@value TrainingHeldOutOverlapTest#RUN}
 * words with a training line; and it is benign throughout, in the six languages.
 */
class PastedSetOverlapTest {
  private static final String PASTED = "/safety/pasted/pasted.jsonl";

  @Test
  void noPastedLineSharesAFiveWordRunWithTheTrainingSet() {
    List<TrainingHeldOutOverlapTest.Line> pasted = lines(PASTED);
    assertThat(pasted).as("pasted lines").hasSizeGreaterThan(300);
    assertThat(
            TrainingHeldOutOverlapTest.linesSharingARun(
                pasted, TrainingHeldOutOverlapTest.trainingRuns()))
        .as("pasted lines that share a run of %d words with a training line", RUN)
        .isEmpty();
  }

  @Test
  void thePastedSetIsBenignInSixLanguagesAndMostlyLongerThanOneSentence() {
    List<LabelledExample> pasted = LabelledSet.pasted();
    assertThat(pasted).noneMatch(LabelledExample::harmful);
    for (String language : List.of("en", "es", "de", "fr", "pt", "zh")) {
      assertThat(pasted.stream().filter(e -> e.facets().language().equals(language)).count())
          .as("lines in %s", language)
          .isGreaterThanOrEqualTo(25);
    }
    assertThat(pasted.stream().filter(e -> e.text().length() > 200).count())
        .as("lines of more than 200 characters")
        .isGreaterThan(pasted.size() / 2);
  }

  @Test
  void theEverydayScreeningLinesAreBenign() {
    assertThat(LabelledSet.everyday()).hasSizeGreaterThan(500).noneMatch(LabelledExample::harmful);
  }
}
