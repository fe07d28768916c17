package dev.lazurite.safety.eval;

import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Measures a classifier on labelled examples. */
public final class Evaluation {
  private Evaluation() {}

  /** What the classifier said of one example, in the example's own category. */
  public record Prediction(LabelledExample example, Severity predicted, Assessment assessment) {
    public boolean flagged() {
      return predicted != Severity.SAFE;
    }
  }

  /** Runs {@code classifier} on every example. */
  public static Report evaluate(Classifier classifier, List<LabelledExample> examples) {
    return Report.of(classifier.name(), "held-out examples", predictions(classifier, examples));
  }

  /** What {@code classifier} says of every example. */
  public static List<Prediction> predictions(
      Classifier classifier, List<LabelledExample> examples) {
    List<Prediction> predictions = new ArrayList<>();
    for (LabelledExample e : examples) {
      predictions.add(predict(classifier, e));
    }
    return predictions;
  }

  /**
   * Trains the embedded classifier {@code folds} times, each time without one fold, and assesses
   * every example with the model that did not see it. Folds are stratified by category and
   * severity.
   */
  public static Report crossValidate(
      List<LabelledExample> examples, int folds, Function<List<String>, List<float[]>> embedder) {
    return crossValidate(examples, List.of(), folds, embedder);
  }

  /**
   * As {@link #crossValidate(List, int, Function)}, with {@code alwaysTrained} added to every
   * fold's training set and never assessed (coverage that the folds' examples are not measured on).
   */
  public static Report crossValidate(
      List<LabelledExample> examples,
      List<LabelledExample> alwaysTrained,
      int folds,
      Function<List<String>, List<float[]>> embedder) {
    return crossValidated(examples, alwaysTrained, folds, embedder).report();
  }

  private static Folded crossValidated(
      List<LabelledExample> examples,
      List<LabelledExample> alwaysTrained,
      int folds,
      Function<List<String>, List<float[]>> embedder) {
    Map<String, float[]> memo = new java.util.concurrent.ConcurrentHashMap<>();
    Function<List<String>, List<float[]>> cached =
        texts -> {
          List<String> missing =
              texts.stream().filter(t -> !memo.containsKey(t)).distinct().toList();
          if (!missing.isEmpty()) {
            List<float[]> vectors = embedder.apply(missing);
            for (int i = 0; i < missing.size(); i++) {
              memo.put(missing.get(i), vectors.get(i));
            }
          }
          return texts.stream().map(memo::get).toList();
        };
    return folded(
        examples,
        folds,
        train -> {
          List<LabelledExample> all = new ArrayList<>(train);
          all.addAll(alwaysTrained);
          return EmbeddedClassifier.train(all, cached).ready();
        });
  }

  /**
   * What every example of {@code examples} is judged by the fold's model that did not see it, in
   * the order of {@code examples} (as {@link #crossValidate(List, List, int, Function)} counts).
   */
  public static List<Prediction> crossValidatedPredictions(
      List<LabelledExample> examples,
      List<LabelledExample> alwaysTrained,
      int folds,
      Function<List<String>, List<float[]>> embedder) {
    return crossValidated(examples, alwaysTrained, folds, embedder).predictions();
  }

  static Report crossValidateWith(
      List<LabelledExample> examples,
      int folds,
      Function<List<LabelledExample>, Classifier> trainer) {
    return folded(examples, folds, trainer).report();
  }

  private record Folded(Report report, List<Prediction> predictions) {}

  private static Folded folded(
      List<LabelledExample> examples,
      int folds,
      Function<List<LabelledExample>, Classifier> trainer) {
    Map<String, Integer> seen = new HashMap<>();
    int[] fold = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      LabelledExample e = examples.get(i);
      String stratum = e.category().map(Category::name).orElse("benign") + "/" + e.severity();
      fold[i] = seen.merge(stratum, 1, Integer::sum) % folds;
    }
    List<Prediction> predictions = new ArrayList<>();
    String name = "";
    for (int f = 0; f < folds; f++) {
      List<LabelledExample> train = new ArrayList<>();
      List<LabelledExample> test = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        (fold[i] == f ? test : train).add(examples.get(i));
      }
      Classifier classifier = trainer.apply(train);
      name = classifier.name();
      for (LabelledExample e : test) {
        predictions.add(predict(classifier, e));
      }
    }
    Prediction[] ordered = new Prediction[examples.size()];
    int next = 0;
    for (int f = 0; f < folds; f++) {
      for (int i = 0; i < examples.size(); i++) {
        if (fold[i] == f) {
          ordered[i] = predictions.get(next++);
        }
      }
    }
    return new Folded(
        Report.of(name, folds + "-fold cross-validation", predictions), List.of(ordered));
  }

  private static Prediction predict(Classifier classifier, LabelledExample e) {
    if (e.category().isEmpty()) {
      Assessment a = classifier.classify(e.text(), Classifier.Source.PROMPT);
      Severity worst = a.severities().values().stream().max(Enum::compareTo).orElse(Severity.SAFE);
      return new Prediction(e, worst, a);
    }
    Category c = e.category().get();
    Classifier.Source source =
        c == Category.INDIRECT_ATTACK ? Classifier.Source.DOCUMENT : Classifier.Source.PROMPT;
    Assessment a = classifier.classify(e.text(), source);
    return new Prediction(e, a.severity(c), a);
  }
}
