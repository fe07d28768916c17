package dev.lazurite.backend.embedded;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.embeddings.EmbeddingList;
import dev.lazurite.api.embeddings.Vectors;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.EmbeddingDimensions;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Real sentence embeddings computed in-process: all-MiniLM-L6-v2 (quantized, 384 dimensions) on
 * ONNX Runtime, shipped inside a Maven artifact, so nothing needs to be installed or downloaded.
 * The model loads on first use (or on {@link #warmUp()}); inputs of one request are embedded as one
 * batch.
 */
public final class EmbeddedEmbeddingBackend implements Backend {
  private final TokenCounter tokens;
  private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

  public EmbeddedEmbeddingBackend(TokenCounter tokens) {
    this.tokens = tokens;
  }

  /** Loads the model now rather than on the first request. */
  public void warmUp() {
    model();
  }

  /** One vector per text, for in-process callers such as semantic ranking. */
  public List<float[]> vectors(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<float[]> out = new ArrayList<>(texts.size());
    for (Embedding e : model().embedAll(segments).content()) {
      out.add(e.vector());
    }
    return out;
  }

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Embedding e -> embed(e.request(), e.model());
      case BackendCall.Chat c -> throw Backend.unsupported(call);
      case BackendCall.Completion c -> throw Backend.unsupported(call);
    };
  }

  private Result embed(EmbeddingRequest request, ModelSpec spec) {
    int dimensions = EmbeddingDimensions.resolve(request, spec);
    List<TextSegment> segments = request.inputs().stream().map(TextSegment::from).toList();
    List<Embedding> vectors = model().embedAll(segments).content();
    List<EmbeddingList.Item> items = new ArrayList<>(vectors.size());
    int prompt = 0;
    for (int i = 0; i < vectors.size(); i++) {
      float[] vector = vectors.get(i).vector();
      if (vector.length != dimensions) {
        vector = java.util.Arrays.copyOf(vector, dimensions);
      }
      items.add(
          new EmbeddingList.Item(
              "embedding", i, request.base64() ? Vectors.base64(vector) : vector));
      prompt += tokens.count(spec.encoding(), request.inputs().get(i));
    }
    var body =
        new EmbeddingList(
            "list", items, spec.responseName(), new EmbeddingList.Usage(prompt, prompt));
    return new Result(body, prompt, 0);
  }

  private AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
