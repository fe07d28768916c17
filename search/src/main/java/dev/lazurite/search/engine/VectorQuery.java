package dev.lazurite.search.engine;

import java.util.List;

/**
 * One entry of {@code vectorQueries}: a vector, or a text the field's vectorizer embeds.
 *
 * @param vector empty for the {@code text} kind
 * @param text empty for the {@code vector} kind
 */
public record VectorQuery(
    float[] vector, String text, List<String> fields, int k, boolean exhaustive, double weight) {
  public VectorQuery {
    fields = List.copyOf(fields);
  }
}
