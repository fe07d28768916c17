package dev.lazurite.search;

/** Similarity of embedding vectors. */
public final class VectorMath {
  private VectorMath() {}

  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    double na = dot(a, a);
    double nb = dot(b, b);
    return na == 0 || nb == 0 ? 0 : dot(a, b) / Math.sqrt(na * nb);
  }
}
