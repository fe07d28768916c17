package dev.lazurite.safety;

import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.LabelledSet;
import java.util.List;
import java.util.function.Function;

/** Chooses the active classifier. */
public final class Classifiers {
  private static volatile EmbeddedClassifier shipped;

  private Classifiers() {}

  /** The classifier the environment names; the embedded one unless configured otherwise. */
  public static Classifier fromEnvironment(Function<List<String>, List<float[]>> embedder) {
    return embedded(embedder);
  }

  /**
   * The embedded classifier trained on the shipped set, once per process; {@code embedder} is the
   * embedded sentence model the heads read.
   */
  public static synchronized EmbeddedClassifier embedded(
      Function<List<String>, List<float[]>> embedder) {
    if (shipped == null) {
      shipped = EmbeddedClassifier.train(LabelledSet.shipped(), embedder);
    }
    return shipped;
  }
}
