package dev.lazurite.testing;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.tokens.TokenCounter;

/**
 * The embedded classifier trained on the shipped set, as the server trains it, ready; trained once
 * per test JVM for the tests that only judge with it (its verdicts do not depend on what it judged
 * before).
 */
public final class TestingShippedClassifier {
  private TestingShippedClassifier() {}

  private static final class Holder {
    static final EmbeddedClassifier TRAINED =
        EmbeddedClassifier.train(
                LabelledSet.shipped(), new EmbeddedEmbeddingBackend(new TokenCounter())::vectors)
            .ready();
  }

  public static EmbeddedClassifier trained() {
    return Holder.TRAINED;
  }
}
