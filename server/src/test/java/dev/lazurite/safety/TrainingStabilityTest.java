package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.Evaluation;
import dev.lazurite.safety.eval.FacetReport;
import dev.lazurite.safety.eval.LabelledExample;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.safety.eval.Report;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Training is stable under additions: one more unrelated training line leaves the verdicts on texts
 * it has nothing to do with as they were, on the held-out set and in cross-validation.
 */
class TrainingStabilityTest {
  private static final LabelledExample UNRELATED =
      new LabelledExample(
          "Which houseplants do well on a north-facing windowsill in a cold flat?",
          Optional.empty(),
          Severity.SAFE);

  private final Map<String, float[]> memo = new ConcurrentHashMap<>();
  private final EmbeddedEmbeddingBackend backend = new EmbeddedEmbeddingBackend(new TokenCounter());

  private List<float[]> embed(List<String> texts) {
    List<String> missing = texts.stream().filter(t -> !memo.containsKey(t)).distinct().toList();
    if (!missing.isEmpty()) {
      List<float[]> vectors = backend.vectors(missing);
      for (int i = 0; i < missing.size(); i++) {
        memo.put(missing.get(i), vectors.get(i));
      }
    }
    return texts.stream().map(memo::get).toList();
  }

  @Test
  void oneUnrelatedLineFlipsAlmostNoVerdict() {
    Function<List<String>, List<float[]>> embedder = this::embed;
    List<LabelledExample> shipped = LabelledSet.shipped();
    long start = System.nanoTime();
    embed(shipped.stream().map(LabelledExample::text).toList());
    long embedded = System.nanoTime();
    EmbeddedClassifier before = EmbeddedClassifier.train(shipped, embedder).ready();
    long trained = System.nanoTime();
    System.out.printf(
        "embedding the shipped set: %d ms, training on it: %d ms%n",
        (embedded - start) / 1_000_000, (trained - embedded) / 1_000_000);
    List<LabelledExample> more = new ArrayList<>(shipped);
    more.add(UNRELATED);
    EmbeddedClassifier after = EmbeddedClassifier.train(more, embedder).ready();
    List<LabelledExample> heldOut = LabelledSet.heldOut();
    var heldOutBefore = Evaluation.predictions(before, heldOut);
    int heldOutFlips = flips(heldOutBefore, Evaluation.predictions(after, heldOut));
    System.out.println(FacetReport.of("embedded", heldOutBefore).format());
    System.out.printf("held-out verdicts flipped: %d of %d%n", heldOutFlips, heldOut.size());

    List<LabelledExample> coverage = new ArrayList<>(LabelledSet.coverage());
    var cvBefore =
        Evaluation.crossValidatedPredictions(LabelledSet.categories(), coverage, 5, embedder);
    coverage.add(UNRELATED);
    var cvAfter =
        Evaluation.crossValidatedPredictions(LabelledSet.categories(), coverage, 5, embedder);
    int cvFlips = flips(cvBefore, cvAfter);
    System.out.printf("cross-validation verdicts flipped: %d of %d%n", cvFlips, cvBefore.size());
    System.out.println(Report.of("embedded", "5-fold cross-validation", cvBefore).format());

    assertThat(heldOutFlips).isLessThanOrEqualTo(2);
    assertThat(cvFlips).isLessThanOrEqualTo(cvBefore.size() / 100);
  }

  private static int flips(List<Evaluation.Prediction> a, List<Evaluation.Prediction> b) {
    int flips = 0;
    for (int i = 0; i < a.size(); i++) {
      flips += a.get(i).flagged() != b.get(i).flagged() ? 1 : 0;
    }
    return flips;
  }
}
