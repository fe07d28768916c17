package dev.lazurite.search.schema;

import static java.util.Objects.requireNonNull;

/**
 * A vector search profile resolved to what a query needs.
 *
 * @param metric {@code cosine}, {@code euclidean} or {@code dotProduct}
 * @param exhaustive whether the profile's algorithm is {@code exhaustiveKnn}
 * @param vectorizerDeployment the embeddings deployment of its vectorizer, empty if none
 */
public record VectorProfile(
    String name, String metric, boolean exhaustive, String vectorizerDeployment) {
  public VectorProfile {
    requireNonNull(name, "name is null");
    requireNonNull(metric, "metric is null");
    requireNonNull(vectorizerDeployment, "vectorizerDeployment is null");
  }
}
