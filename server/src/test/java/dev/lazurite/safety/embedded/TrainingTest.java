package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import dev.lazurite.safety.eval.LabelledExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How training weighs its examples: classes balance by summed weight, not by count. */
class TrainingTest {
  private static LabelledExample example(String text, Severity severity, double weight) {
    return new LabelledExample(text, Optional.of(Category.VIOLENCE), severity).weighted(weight);
  }

  private static double sum(List<LinearModel.Sample> samples, int label) {
    return samples.stream().filter(s -> s.label() == label).mapToDouble(s -> s.weight()).sum();
  }

  private static List<LinearModel.Sample> samples(List<LabelledExample> examples, int[] labels) {
    List<TermVector> terms = Collections.nCopies(examples.size(), TermVector.EMPTY);
    return Training.samples(examples, terms, null, labels, 2);
  }

  @Test
  void classesWeighTheSameInTotalWhenTheirExamplesCarryDifferentWeights() {
    // Two harmful lines at full weight against two safe lines at full weight and five lightly
    // weighted ones (as the context and languages files are): by count the safe class would
    // outweigh the harmful one; by weight both classes carry half of the total.
    List<LabelledExample> examples = new ArrayList<>();
    examples.add(example("harm one", Severity.HIGH, 1));
    examples.add(example("harm two", Severity.HIGH, 1));
    examples.add(example("safe one", Severity.SAFE, 1));
    examples.add(example("safe two", Severity.SAFE, 1));
    for (int i = 0; i < 5; i++) {
      examples.add(example("light " + i, Severity.SAFE, 0.4));
    }
    int[] labels = {1, 1, 0, 0, 0, 0, 0, 0, 0};

    List<LinearModel.Sample> samples = samples(examples, labels);

    // The summed weight is 6 (2 harmful, 2 + 5 * 0.4 safe); each class carries 6 / 2 = 3.
    assertThat(sum(samples, 1)).isCloseTo(3.0, within(1e-9));
    assertThat(sum(samples, 0)).isCloseTo(3.0, within(1e-9));
    // Within a class an example keeps its own weight relative to the others.
    assertThat(samples.get(4).weight() / samples.get(2).weight()).isCloseTo(0.4, within(1e-9));
    assertThat(samples.get(0).weight()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void examplesThatDoNotTeachTheModelAreLeftOutOfTheBalance() {
    List<LabelledExample> examples =
        List.of(
            example("harm", Severity.HIGH, 1),
            example("safe", Severity.SAFE, 1),
            example("elsewhere", Severity.HIGH, 5));
    int[] labels = {1, 0, -1};

    List<LinearModel.Sample> samples = samples(examples, labels);

    assertThat(samples).hasSize(2);
    assertThat(samples).extracting(LinearModel.Sample::weight).containsOnly(1.0);
  }
}
