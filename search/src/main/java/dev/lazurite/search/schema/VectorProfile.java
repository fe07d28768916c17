package dev.lazurite.search.schema;

import static java.util.Objects.requireNonNull;

/**
 * A vector search profile resolved to what a query needs.
 *
 * @param metric {@code cosine}, {@code euclidean} or {@code dotProduct}
 * @param exhaustive whether the profile's algorithm is {@code exhaustiveKnn}
 * @param vectorizerResource its vectorizer's {@code resourceUri}, which names the account whose
 *     deployment it uses; empty if none
 * @param vectorizerDeployment the embeddings deployment of its vectorizer, empty if none
 */
public record VectorProfile(
    String name,
    String metric,
    boolean exhaustive,
    String vectorizerResource,
    String vectorizerDeployment) {
  public VectorProfile {
    requireNonNull(name, "name is null");
    requireNonNull(metric, "metric is null");
    requireNonNull(vectorizerResource, "vectorizerResource is null");
    requireNonNull(vectorizerDeployment, "vectorizerDeployment is null");
  }
}
