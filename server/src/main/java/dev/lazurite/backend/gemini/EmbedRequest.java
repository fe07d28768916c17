package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.api.embeddings.Vectors;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * An embeddings request as Gemini's {@code batchEmbedContents} takes it (one request per input,
 * {@code dimensions} as {@code outputDimensionality}), and its answer as Azure's embedding list.
 * Gemini reports no token usage for embeddings, so the usage is the gateway's own prompt count.
 */
final class EmbedRequest {
  private EmbedRequest() {}

  static ObjectNode body(EmbeddingRequest request, String model) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode requests = body.putArray("requests");
    for (String input : request.inputs()) {
      ObjectNode one = requests.addObject().put("model", "models/" + model);
      one.putObject("content").putArray("parts").addObject().put("text", input);
      request.dimensions().ifPresent(d -> one.put("outputDimensionality", d));
    }
    return body;
  }

  /** The list, or empty when the answer does not hold one vector per input. */
  static java.util.Optional<EmbeddingList> answer(
      JsonNode response, EmbeddingRequest request, String model) {
    JsonNode embeddings = response.path("embeddings");
    if (!embeddings.isArray() || embeddings.size() != request.inputs().size()) {
      return java.util.Optional.empty();
    }
    List<EmbeddingList.Item> items = new ArrayList<>();
    for (int i = 0; i < embeddings.size(); i++) {
      JsonNode values = embeddings.get(i).path("values");
      float[] vector = new float[values.size()];
      for (int j = 0; j < vector.length; j++) {
        vector[j] = (float) values.get(j).asDouble();
      }
      Object embedding = request.base64() ? Vectors.base64(vector) : vector;
      items.add(new EmbeddingList.Item("embedding", i, embedding));
    }
    return java.util.Optional.of(
        new EmbeddingList(
            "list",
            items,
            model,
            new EmbeddingList.Usage(request.promptTokens(), request.promptTokens())));
  }
}
