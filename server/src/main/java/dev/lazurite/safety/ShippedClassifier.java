package dev.lazurite.safety;

import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.LabelledSet;
import java.util.List;
import java.util.function.Function;

/**
 * The embedded classifier trained on the shipped set, trained on first use and kept: servers that
 * share one instance train it once.
 */
public final class ShippedClassifier {
  private EmbeddedClassifier trained;

  /**
   * @param embedder the embedded sentence model the heads read
   */
  public synchronized EmbeddedClassifier get(Function<List<String>, List<float[]>> embedder) {
    if (trained == null) {
      trained = EmbeddedClassifier.train(LabelledSet::shipped, embedder);
    }
    return trained;
  }
}
