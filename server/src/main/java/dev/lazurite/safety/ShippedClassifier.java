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

  /** Where training stands, for {@code /readyz}; asking never starts it. */
  public enum State {
    /** Nothing has asked for the classifier yet (an external classifier answers every request). */
    NOT_STARTED,
    /** Training in the background; a prompt the screens cannot clear waits for it. */
    TRAINING,
    TRAINED;

    /** As {@code /readyz} shows it. */
    public String wire() {
      return switch (this) {
        case NOT_STARTED -> "not started";
        case TRAINING -> "training";
        case TRAINED -> "trained";
      };
    }
  }

  public synchronized State state() {
    if (trained == null) {
      return State.NOT_STARTED;
    }
    return trained.trained() ? State.TRAINED : State.TRAINING;
  }

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
