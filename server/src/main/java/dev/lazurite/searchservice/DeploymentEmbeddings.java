package dev.lazurite.searchservice;

import dev.lazurite.auth.EndpointResource;
import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Vectors for the search service. A vectorizer's deployment is called through the data-plane
 * pipeline as the account its {@code resourceUri} names ({@code
 * https://{account}.openai.azure.com}, else the default account), so it is metered, counts against
 * that deployment's quota and fails over in its pool, and it can use no other account's deployment;
 * the URI itself is never contacted. Semantic ranking uses the embedded sentence-embedding model.
 */
public final class DeploymentEmbeddings implements Embeddings {
  private final Supplier<RuntimeSnapshot> snapshot;
  private final InternalCalls calls;
  private final EmbeddedEmbeddingBackend embedded;

  public DeploymentEmbeddings(
      Supplier<RuntimeSnapshot> snapshot, InternalCalls calls, EmbeddedEmbeddingBackend embedded) {
    this.snapshot = snapshot;
    this.calls = calls;
    this.embedded = embedded;
  }

  @Override
  public List<float[]> embed(String resourceUri, String deployment, List<String> texts) {
    String account =
        EndpointResource.ofUrl(resourceUri, snapshot.get()).map(a -> a.account().name()).orElse("");
    try {
      return calls.embed(account, deployment, texts, "search-vectorizer");
    } catch (ApiException e) {
      if (e.errorCode() == ErrorCode.DEPLOYMENT_NOT_FOUND) {
        throw SearchException.badRequest(
            "The vectorizer names the embeddings deployment '"
                + deployment
                + "', which does not exist on this server.");
      }
      throw SearchException.badRequest(
          "The vectorizer's embeddings deployment '" + deployment + "' failed: " + e.getMessage());
    }
  }

  @Override
  public List<float[]> rank(List<String> texts) {
    List<float[]> vectors = embedded.vectors(texts);
    for (float[] v : vectors) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
    }
    return vectors;
  }
}
