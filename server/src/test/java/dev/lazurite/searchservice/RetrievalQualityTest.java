package dev.lazurite.searchservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.ingest.IngestSchema;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Recall@5 per query type on the project's labelled set: 24 policy passages and 24 paraphrased
 * questions, each answered by one passage. The figures are printed and guarded against regression.
 */
class RetrievalQualityTest {
  @Test
  void recallAtFivePerQueryType() throws Exception {
    JsonNode set;
    try (InputStream in = getClass().getResourceAsStream("/retrieval/policies.json")) {
      set = Json.MAPPER.readTree(in);
    }
    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(server, "search", "create", "--name", "eval");
      String key =
          TestingCli.run(server, "search", "keys", "list", "--name", "eval")
              .path("primaryKey")
              .asText();
      var http = server.http();
      String base = "/search/eval/indexes";
      String version = "?api-version=2024-07-01";
      var created =
          http.send(
              "POST",
              base + version,
              IngestSchema.definition("policies", "all-minilm-l6-v2", 384).toString(),
              "api-key",
              key);
      assertThat(created.status()).isEqualTo(201);
      ObjectNode embed = Json.MAPPER.createObjectNode();
      var input = embed.putArray("input");
      set.path("passages")
          .forEach(p -> input.add(p.path("title").asText() + ". " + p.path("content").asText()));
      JsonNode vectors =
          http.post(
                  "/openai/deployments/all-minilm-l6-v2/embeddings?api-version=2024-10-21",
                  embed.toString())
              .json()
              .path("data");
      ObjectNode batch = Json.MAPPER.createObjectNode();
      var value = batch.putArray("value");
      for (int i = 0; i < set.path("passages").size(); i++) {
        JsonNode p = set.path("passages").get(i);
        ObjectNode doc = value.addObject();
        doc.put("id", p.path("id").asText())
            .put("title", p.path("title").asText())
            .put("content", p.path("content").asText());
        doc.put("filepath", p.path("id").asText() + ".md").put("chunk_id", "0");
        doc.set("vector", vectors.get(i).path("embedding"));
      }
      assertThat(
              http.send(
                      "POST",
                      base + "/policies/docs/index" + version,
                      batch.toString(),
                      "api-key",
                      key)
                  .status())
          .isEqualTo(200);

      Map<String, Function<String, ObjectNode>> types = new LinkedHashMap<>();
      types.put("simple", q -> Json.MAPPER.createObjectNode().put("search", q));
      types.put(
          "semantic",
          q -> Json.MAPPER.createObjectNode().put("search", q).put("queryType", "semantic"));
      types.put("vector", q -> withVector(Json.MAPPER.createObjectNode(), q));
      types.put(
          "vector_simple_hybrid",
          q -> withVector(Json.MAPPER.createObjectNode().put("search", q), q));
      types.put(
          "vector_semantic_hybrid",
          q ->
              withVector(
                  Json.MAPPER.createObjectNode().put("search", q).put("queryType", "semantic"), q));
      Map<String, Double> recall = new LinkedHashMap<>();
      for (var type : types.entrySet()) {
        int hits = 0;
        for (JsonNode q : set.path("questions")) {
          ObjectNode request =
              type.getValue().apply(q.path("question").asText()).put("top", 5).put("select", "id");
          JsonNode found =
              http.send(
                      "POST",
                      base + "/policies/docs/search" + version,
                      request.toString(),
                      "api-key",
                      key)
                  .json();
          for (JsonNode d : found.path("value")) {
            if (d.path("id").asText().equals(q.path("answer").asText())) {
              hits++;
              break;
            }
          }
        }
        recall.put(type.getKey(), hits / (double) set.path("questions").size());
      }
      System.out.println("recall@5 " + recall);
      assertThat(recall.get("simple")).isGreaterThanOrEqualTo(0.5);
      assertThat(recall.get("semantic")).isGreaterThanOrEqualTo(0.7);
      assertThat(recall.get("vector")).isGreaterThanOrEqualTo(0.85);
      assertThat(recall.get("vector_simple_hybrid")).isGreaterThanOrEqualTo(0.85);
      assertThat(recall.get("vector_semantic_hybrid")).isGreaterThanOrEqualTo(0.85);
    }
  }

  private static ObjectNode withVector(ObjectNode request, String question) {
    request
        .putArray("vectorQueries")
        .addObject()
        .put("kind", "text")
        .put("text", question)
        .put("fields", "vector")
        .put("k", 5);
    return request;
  }
}
