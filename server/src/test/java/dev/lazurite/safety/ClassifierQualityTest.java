package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.safety.eval.Evaluation;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.safety.eval.Report;
import dev.lazurite.tokens.TokenCounter;
import org.junit.jupiter.api.Test;

/** The quality gate: the embedded classifier must meet its targets on the shipped set. */
class ClassifierQualityTest {
  @Test
  void crossValidatedQualityMeetsTheTargets() {
    Report report =
        Evaluation.crossValidate(
            LabelledSet.categories(),
            LabelledSet.coverage(),
            5,
            new EmbeddedEmbeddingBackend(new TokenCounter())::vectors);
    System.out.println(report.format());
    assertThat(report.categories()).hasSize(Category.values().length);
    assertThat(report.shortfalls()).isEmpty();
  }
}
