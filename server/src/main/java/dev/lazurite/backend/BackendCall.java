package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.catalog.ModelSpec;

/**
 * One call to a model backend: the validated request of one API and the deployment's model. A
 * backend consumes it with an exhaustive {@code switch}, so a new API that a backend forgets does
 * not compile.
 */
public sealed interface BackendCall {
  ModelRequest request();

  ModelSpec model();

  /** Whether the answer is streamed (server-sent events) rather than one body. */
  default boolean streamed() {
    return request().stream();
  }

  record Chat(ChatRequest request, ModelSpec model) implements BackendCall {
    public Chat {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
    }
  }

  record Completion(CompletionRequest request, ModelSpec model) implements BackendCall {
    public Completion {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
    }
  }

  record Embedding(EmbeddingRequest request, ModelSpec model) implements BackendCall {
    public Embedding {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
    }
  }

  static BackendCall of(ModelRequest request, ModelSpec model) {
    return switch (request) {
      case ChatRequest chat -> new Chat(chat, model);
      case CompletionRequest completion -> new Completion(completion, model);
      case EmbeddingRequest embedding -> new Embedding(embedding, model);
    };
  }
}
