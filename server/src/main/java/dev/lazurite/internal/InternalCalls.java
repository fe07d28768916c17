package dev.lazurite.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.api.embeddings.Vectors;
import dev.lazurite.backend.Ids;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Model calls this server makes for an account (search vectorizers, On Your Data's query embedding,
 * indexers): each one runs the data-plane pipeline as {@link Origin.Internal}, so the deployment is
 * found in that account only, and quota, metering and pool failover apply as to any client.
 * Failures are the pipeline's {@link dev.lazurite.error.ApiException}s.
 *
 * <p>The pipelines are reached through a supplier because they contain retrieval, which embeds
 * through this class: the supplier is read at call time, after the server has built both.
 */
public final class InternalCalls {
  /** The api-version internal calls are made with. */
  static final String API_VERSION = "2024-10-21";

  /**
   * The purpose of a guard model's call to a deployment of this server: the content filter does not
   * screen the guard's own prompt, which quotes the text under judgement.
   */
  public static final String CONTENT_GUARD = "content-guard";

  private final Supplier<Pipelines> pipelines;

  public InternalCalls(Supplier<Pipelines> pipelines) {
    this.pipelines = requireNonNull(pipelines, "pipelines is null");
  }

  /**
   * One vector per text from an embeddings deployment of {@code account}.
   *
   * @param purpose what the usage record names as the caller, e.g. {@code search-vectorizer}
   */
  public List<float[]> embed(
      String account, String deployment, List<String> texts, String purpose) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode input = body.putArray("input");
    texts.forEach(input::add);
    var exchange =
        new Exchange(
            new Exchange.Request(
                Ids.requestId(),
                Route.modelCall(Operation.EMBEDDINGS, deployment, API_VERSION),
                Map.of(),
                Json.write(body),
                new Origin.Internal(account, purpose),
                System.nanoTime()));
    var answer = (Response.Json) pipelines.get().execute(exchange).orThrow();
    return vectors(answer.body(), texts.size());
  }

  /**
   * Runs one model call for {@code account} on its v1 route (the body's {@code model} names the
   * deployment) and returns how the pipeline ended, answered or failed.
   *
   * @param purpose what the usage record names as the caller, e.g. {@code batch}
   */
  public Outcome call(String account, Operation operation, byte[] body, String purpose) {
    return pipelines
        .get()
        .execute(
            new Exchange(
                new Exchange.Request(
                    Ids.requestId(),
                    Route.modelCall(operation, "", API_VERSION),
                    Map.of(),
                    body,
                    new Origin.Internal(account, purpose),
                    System.nanoTime())));
  }

  private static List<float[]> vectors(Object body, int count) {
    if (body instanceof EmbeddingList list) {
      List<float[]> out = new ArrayList<>(count);
      for (EmbeddingList.Item item : list.data()) {
        out.add((float[]) item.embedding());
      }
      return out;
    }
    // A pass-through backend answers with the upstream's JSON.
    return Vectors.fromData(Json.MAPPER.<JsonNode>valueToTree(body).path("data"));
  }
}
