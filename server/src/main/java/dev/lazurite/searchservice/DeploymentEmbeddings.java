package dev.lazurite.searchservice;

import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.json.Json;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Vectors for the search service: a vectorizer's deployment is called in-process (its {@code
 * resourceUri} is never contacted); semantic ranking uses the embedded sentence-embedding model.
 */
public final class DeploymentEmbeddings implements Embeddings {
  private final Supplier<RuntimeSnapshot> snapshot;
  private final EmbeddedEmbeddingBackend embedded;
  private final String defaultAccount;

  public DeploymentEmbeddings(
      Supplier<RuntimeSnapshot> snapshot,
      EmbeddedEmbeddingBackend embedded,
      String defaultAccount) {
    this.snapshot = snapshot;
    this.embedded = embedded;
    this.defaultAccount = defaultAccount;
  }

  @Override
  public List<float[]> embed(String deployment, List<String> texts) {
    DeploymentRuntime d =
        find(deployment)
            .orElseThrow(
                () ->
                    SearchException.badRequest(
                        "The vectorizer names the embeddings deployment '"
                            + deployment
                            + "', which does not exist on this server."));
    var request =
        new EmbeddingRequest(Json.MAPPER.createObjectNode(), texts, false, OptionalInt.empty(), 0);
    Object body = d.backend().embed(request, d.model()).body();
    List<float[]> out = new ArrayList<>(texts.size());
    if (body instanceof EmbeddingList list) {
      for (EmbeddingList.Item item : list.data()) {
        out.add((float[]) item.embedding());
      }
      return out;
    }
    // A pass-through backend answers with the upstream's JSON.
    return dev.lazurite.api.embeddings.Vectors.fromData(
        Json.MAPPER.<com.fasterxml.jackson.databind.JsonNode>valueToTree(body).path("data"));
  }

  private Optional<DeploymentRuntime> find(String deployment) {
    RuntimeSnapshot s = snapshot.get();
    Optional<DeploymentRuntime> own =
        s.account(defaultAccount).flatMap(a -> a.deployment(deployment));
    if (own.isPresent()) {
      return own;
    }
    for (AccountRuntime account : s.accounts().values()) {
      Optional<DeploymentRuntime> d = account.deployment(deployment);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
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
