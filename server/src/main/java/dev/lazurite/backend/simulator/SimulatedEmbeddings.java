package dev.lazurite.backend.simulator;

import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.api.embeddings.Vectors;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.EmbeddingDimensions;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Unit vectors of the model's dimension, the same for the same text. They carry no meaning; the
 * embedded backend gives real semantic vectors.
 */
final class SimulatedEmbeddings {
  private final TokenCounter tokens;

  SimulatedEmbeddings(TokenCounter tokens) {
    this.tokens = tokens;
  }

  Backend.Result embed(EmbeddingRequest request, ModelSpec model) {
    int dimensions = EmbeddingDimensions.resolve(request, model);
    List<EmbeddingList.Item> items = new ArrayList<>();
    for (int i = 0; i < request.inputs().size(); i++) {
      float[] vector = vector(request.inputs().get(i), model.dimensions(), dimensions);
      items.add(
          new EmbeddingList.Item(
              "embedding", i, request.base64() ? Vectors.base64(vector) : vector));
    }
    int prompt = 0;
    for (String input : request.inputs()) {
      prompt += tokens.count(model.encoding(), input);
    }
    var body =
        new EmbeddingList(
            "list", items, model.responseName(), new EmbeddingList.Usage(prompt, prompt));
    return new Backend.Result(body, prompt, 0);
  }

  private static float[] vector(String text, int full, int keep) {
    Random random = new Random(text.hashCode() * 0x9E3779B97F4A7C15L);
    float[] vector = new float[keep];
    double norm = 0;
    for (int i = 0; i < full; i++) {
      float v = (float) random.nextGaussian();
      if (i < keep) {
        vector[i] = v;
        norm += v * v;
      }
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < keep; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
