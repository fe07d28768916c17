package dev.lazurite.safety.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over a sparse term vector (L2-normalized) and, optionally, a
 * dense sentence embedding, trained by stochastic gradient descent with a fixed seed, so that the
 * same examples always give the same model.
 */
final class LinearModel {
  private static final int EPOCHS = 50;
  private static final double RATE = 0.5;
  private static final double L2 = 1e-5;

  private final int classes;
  private final float[][] sparse;
  private final float[][] dense;
  private final float[] bias;

  /**
   * One training example.
   *
   * @param embedding the sentence embedding, or null for a terms-only model
   */
  record Sample(TermVector terms, float[] embedding, int label, double weight) {}

  private LinearModel(int classes, int terms, int dimensions) {
    this.classes = classes;
    this.sparse = new float[classes][terms];
    this.dense = new float[classes][dimensions];
    this.bias = new float[classes];
  }

  static LinearModel train(List<Sample> samples, int classes, int terms, int dimensions) {
    LinearModel model = new LinearModel(classes, terms, dimensions);
    List<Sample> order = new ArrayList<>(samples);
    Random random = new Random(42);
    double[] p = new double[classes];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      double rate = RATE / (1 + epoch * 0.05);
      for (Sample s : order) {
        model.probabilities(s.terms(), s.embedding(), p);
        for (int c = 0; c < classes; c++) {
          double gradient = (p[c] - (c == s.label() ? 1 : 0)) * s.weight();
          float[] w = model.sparse[c];
          int[] indices = s.terms().indices();
          float[] values = s.terms().values();
          for (int k = 0; k < indices.length; k++) {
            int t = indices[k];
            w[t] -= (float) (rate * (gradient * values[k] + L2 * w[t]));
          }
          if (s.embedding() != null) {
            float[] d = model.dense[c];
            for (int i = 0; i < d.length; i++) {
              d[i] -= (float) (rate * (gradient * s.embedding()[i] + L2 * d[i]));
            }
          }
          model.bias[c] -= (float) (rate * gradient);
        }
      }
    }
    return model;
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
