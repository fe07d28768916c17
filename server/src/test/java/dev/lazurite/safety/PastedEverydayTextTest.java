package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.Evaluation;
import dev.lazurite.safety.eval.FacetReport;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.testing.TestingShippedClassifier;
import org.junit.jupiter.api.Test;

/**
 * False alarms on everyday text as users paste it (emails, tickets, documentation, recipes,
 * children's stories, chat logs, in six languages), which nobody trained for. The target is the
 * issue's 3 %; this gate holds the rate where it stands (0.080 since a sentence of a passage in
 * English must resemble a harmful example to be flagged; 0.095 before that, 0.097 when the shipped
 * everyday lines joined the screens' training, 0.164 before them), so that it can only fall.
 */
class PastedEverydayTextTest {
  /** The false-positive rate this gate allows: the rate measured, with room for four texts. */
  static final double CEILING = 0.090;

  /** Pasted texts judged high in some category: 14 measured. */
  static final int HIGH_CEILING = 16;

  @Test
  void falseAlarmsOnPastedEverydayTextStayBelowTheCeiling() {
    EmbeddedClassifier classifier = TestingShippedClassifier.trained();
    FacetReport report =
        FacetReport.of(classifier.name(), Evaluation.predictions(classifier, LabelledSet.pasted()));
    System.out.println(report.format("pasted everyday text"));
    FacetReport.Row all = report.row("all").orElseThrow();
    assertThat(all.benign()).isEqualTo(LabelledSet.pasted().size());
    assertThat(all.falsePositiveRate()).isLessThanOrEqualTo(CEILING);
    assertThat(all.highAlarms()).isLessThanOrEqualTo(HIGH_CEILING);
  }
}
