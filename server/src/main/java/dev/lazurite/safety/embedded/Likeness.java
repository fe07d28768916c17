package dev.lazurite.safety.embedded;

import dev.lazurite.safety.eval.LabelledExample;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * How close a sentence's embedding comes to the harmful examples the heads learnt from. The heads
 * are linear: on a sentence unlike every harmful line ("In conclusion, bees may be small but they
 * do a very big job, and we should all try to protect them") their weights extrapolate, and a word
 * or two shared with harmful lines can carry it past a threshold. In a passage of everyday text,
 * with many sentences to err on, a sentence in English that is no nearer than {@link #FLOOR}
 * (cosine) to any harmful example, of any category, is therefore not flagged.
 */
final class Likeness {
  /**
   * The nearest harmful example must be at least this close (cosine). The false alarms on pasted
   * everyday text in English lie at 0.27 to 0.49, six of them below 0.33; of the harmful requests
   * in English that the heads flag, none on the development set lies below 0.40, and a request for
   * sexual contact with a child pasted into a support ticket lies between 0.33 and 0.35.
   */
  static final double FLOOR = 0.33;

  /** The harmful examples' embeddings, each scaled to unit length. */
  private final float[][] harmful;

  private Likeness(float[][] harmful) {
    this.harmful = harmful;
  }

  static Likeness of(List<LabelledExample> examples, List<float[]> embeddings) {
    List<float[]> harmful = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).harmful()) {
        harmful.add(VectorUtil.l2normalize(embeddings.get(i).clone(), false));
      }
    }
    return new Likeness(harmful.toArray(float[][]::new));
  }

  /**
   * Whether {@code embedding} comes within {@link #FLOOR} of some harmful example: about a thousand
   * dot products, a fraction of a millisecond, and only for sentences the heads flag. Without
   * harmful examples to compare with (or with embeddings of another size) nothing can be said, and
   * every embedding counts as near, so that no verdict is lifted.
   */
  boolean near(float[] embedding) {
    if (harmful.length == 0 || harmful[0].length != embedding.length) {
      return true;
    }
    float[] query = VectorUtil.l2normalize(embedding.clone(), false);
    for (float[] example : harmful) {
      if (VectorUtil.dotProduct(query, example) >= FLOOR) {
        return true;
      }
    }
    return false;
  }
}
