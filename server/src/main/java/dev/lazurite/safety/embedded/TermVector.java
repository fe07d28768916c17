package dev.lazurite.safety.embedded;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text's terms as model input: vocabulary indices with their values. Word terms share a unit of
 * weight (each is worth 1/sqrt(n) of the n distinct terms, known or not); a cue counts in full.
 */
record TermVector(int[] indices, float[] values) {
  static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

  /** Looks terms up in {@code vocabulary}, adding unknown ones when {@code grow} is set. */
  static TermVector of(List<String> terms, Map<String, Integer> vocabulary, boolean grow) {
    Set<String> distinct = new LinkedHashSet<>(terms);
    long words = distinct.stream().filter(t -> !t.startsWith("#")).count();
    float word = words == 0 ? 0 : (float) (1 / Math.sqrt(words));
    int[] indices = new int[distinct.size()];
    float[] values = new float[distinct.size()];
    int n = 0;
    for (String t : distinct) {
      Integer index =
          grow ? vocabulary.computeIfAbsent(t, k -> vocabulary.size()) : vocabulary.get(t);
      if (index != null) {
        indices[n] = index;
        values[n++] = t.startsWith("#") ? 1f : word;
      }
    }
    return new TermVector(java.util.Arrays.copyOf(indices, n), java.util.Arrays.copyOf(values, n));
  }
}
