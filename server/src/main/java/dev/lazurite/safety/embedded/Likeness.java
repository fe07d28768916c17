package dev.lazurite.safety.embedded;

import dev.lazurite.safety.eval.LabelledExample;
import java.util.ArrayList;
import java.util.List;

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

  /** The harmful examples' unit vectors, one after another. */
  private final float[] harmful;

  private final int dimensions;

  private Likeness(float[] harmful, int dimensions) {
    this.harmful = harmful;
    this.dimensions = dimensions;
  }

  /** The harmful examples' embeddings, each scaled to unit length. */
  static Likeness of(List<LabelledExample> examples, List<float[]> embeddings) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).harmful()) {
        vectors.add(unit(embeddings.get(i)));
      }
    }
    int dimensions = vectors.isEmpty() ? 0 : vectors.getFirst().length;
    float[] harmful = new float[vectors.size() * dimensions];
    for (int i = 0; i < vectors.size(); i++) {
      System.arraycopy(vectors.get(i), 0, harmful, i * dimensions, dimensions);
    }
    return new Likeness(harmful, dimensions);
  }

  /**
   * Whether {@code embedding} comes within {@link #FLOOR} of some harmful example: about a thousand
   * dot products, a fraction of a millisecond, and only for sentences the heads flag.
   */
  boolean near(float[] embedding) {
    if (embedding.length != dimensions) {
      return false;
    }
    float[] query = unit(embedding);
    int n = dimensions;
    for (int start = 0; start < harmful.length; start += n) {
      float a = 0;
      float b = 0;
      float c = 0;
      float d = 0;
      int k = 0;
      for (; k + 3 < n; k += 4) {
        a += query[k] * harmful[start + k];
        b += query[k + 1] * harmful[start + k + 1];
        c += query[k + 2] * harmful[start + k + 2];
        d += query[k + 3] * harmful[start + k + 3];
      }
      for (; k < n; k++) {
        a += query[k] * harmful[start + k];
      }
      if (a + b + c + d >= FLOOR) {
        return true;
      }
    }
    return false;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] * scale;
    }
    return out;
  }
}
