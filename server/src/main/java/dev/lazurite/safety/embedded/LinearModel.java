package dev.lazurite.safety.embedded;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression over a sparse term vector (L2-normalized) and, optionally, a
 * dense sentence embedding, trained by stochastic gradient descent. The model does not depend on
 * the order the samples come in: each epoch visits them in an order drawn from each sample's own
 * key (a hash of its text), so one added sample is slotted in among the others without reshuffling
 * them, and the model is the average of the weights at the end of each of the later epochs, which
 * irons out where the last steps happened to land. The same samples always give the same model, and
 * one sample more moves it only a little.
 */
final class LinearModel {
  private static final int EPOCHS = 50;
  private static final int AVERAGED_FROM = 20;
  private static final double RATE = 0.5;
  private static final double L2 = 1e-5;

  /** The low bits of an epoch's sort key that carry the sample's index. */
  private static final long INDEX_MASK = (1L << 22) - 1;

  private final int classes;
  private final float[][] sparse;
  private final float[][] dense;
  private final float[] bias;

  /**
   * One training example.
   *
   * @param embedding the sentence embedding, or null for a terms-only model
   * @param key a stable hash of the example (its text), which places it in every epoch's order
   */
  record Sample(TermVector terms, float[] embedding, int label, double weight, long key) {}

  private LinearModel(int classes, int terms, int dimensions) {
    this.classes = classes;
    this.sparse = new float[classes][terms];
    this.dense = new float[classes][dimensions];
    this.bias = new float[classes];
  }

  static LinearModel train(List<Sample> samples, int classes, int terms, int dimensions) {
    LinearModel model = new LinearModel(classes, terms, dimensions);
    LinearModel average = new LinearModel(classes, terms, dimensions);
    Sample[] order = samples.toArray(Sample[]::new);
    if (order.length > INDEX_MASK) {
      throw new IllegalArgumentException("too many samples: " + order.length);
    }
    long[] places = new long[order.length];
    double[] p = new double[classes];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      long salt = mix(epoch + 1L);
      for (int i = 0; i < order.length; i++) {
        places[i] = (mix(order[i].key() ^ salt) & ~INDEX_MASK) | i;
      }
      Arrays.sort(places);
      double rate = RATE / (1 + epoch * 0.05);
      for (long place : places) {
        model.step(order[(int) (place & INDEX_MASK)], rate, p);
      }
      if (epoch >= AVERAGED_FROM) {
        average.add(model);
      }
    }
    average.scale(1.0 / (EPOCHS - AVERAGED_FROM));
    return average;
  }

  private void step(Sample s, double rate, double[] p) {
    probabilities(s.terms(), s.embedding(), p);
    for (int c = 0; c < classes; c++) {
      double gradient = (p[c] - (c == s.label() ? 1 : 0)) * s.weight();
      float[] w = sparse[c];
      int[] indices = s.terms().indices();
      float[] values = s.terms().values();
      for (int k = 0; k < indices.length; k++) {
        int t = indices[k];
        w[t] -= (float) (rate * (gradient * values[k] + L2 * w[t]));
      }
      if (s.embedding() != null) {
        float[] d = dense[c];
        for (int i = 0; i < d.length; i++) {
          d[i] -= (float) (rate * (gradient * s.embedding()[i] + L2 * d[i]));
        }
      }
      bias[c] -= (float) (rate * gradient);
    }
  }

  private void add(LinearModel other) {
    for (int c = 0; c < classes; c++) {
      add(sparse[c], other.sparse[c]);
      add(dense[c], other.dense[c]);
      bias[c] += other.bias[c];
    }
  }

  private static void add(float[] into, float[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  private void scale(double factor) {
    for (int c = 0; c < classes; c++) {
      for (float[] w : List.of(sparse[c], dense[c])) {
        for (int i = 0; i < w.length; i++) {
          w[i] *= (float) factor;
        }
      }
      bias[c] *= (float) factor;
    }
  }

  /** A 64-bit mix (SplitMix64's finalizer): nearby keys land far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Fills {@code out} with the class probabilities.
   *
   * @param embedding the text's embedding, or null for a terms-only model
   */
  void probabilities(TermVector vector, float[] embedding, double[] out) {
    int[] terms = vector.indices();
    float[] values = vector.values();
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double z = bias[c];
      float[] w = sparse[c];
      for (int k = 0; k < terms.length; k++) {
        z += w[terms[k]] * values[k];
      }
      if (embedding != null) {
        float[] d = dense[c];
        for (int i = 0; i < d.length; i++) {
          z += d[i] * embedding[i];
        }
      }
      out[c] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < classes; c++) {
      out[c] /= sum;
    }
  }

  int classes() {
    return classes;
  }
}
