package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.catalog.ModelSpec;

/**
 * One call to a model backend: the validated request of one API, the deployment's model and the
 * deployment's name (empty when the caller has none). A backend consumes it with an exhaustive
 * {@code switch}, so a new API that a backend forgets does not compile.
 */
public sealed interface BackendCall {
  ModelRequest request();

  ModelSpec model();

  /** The deployment called, for what a backend keeps per deployment (a prompt cache). */
  String deployment();

  /** Whether the answer is streamed (server-sent events) rather than one body. */
  default boolean streamed() {
    return request().stream();
  }

  record Chat(ChatRequest request, ModelSpec model, String deployment) implements BackendCall {
    public Chat {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
      requireNonNull(deployment, "deployment is null");
    }

    public Chat(ChatRequest request, ModelSpec model) {
      this(request, model, "");
    }
  }

  record Completion(CompletionRequest request, ModelSpec model, String deployment)
      implements BackendCall {
    public Completion {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
      requireNonNull(deployment, "deployment is null");
    }

    public Completion(CompletionRequest request, ModelSpec model) {
      this(request, model, "");
    }
  }

  record Embedding(EmbeddingRequest request, ModelSpec model, String deployment)
      implements BackendCall {
    public Embedding {
      requireNonNull(request, "request is null");
      requireNonNull(model, "model is null");
      requireNonNull(deployment, "deployment is null");
    }

    public Embedding(EmbeddingRequest request, ModelSpec model) {
      this(request, model, "");
    }
  }

  static BackendCall of(ModelRequest request, ModelSpec model) {
    return of(request, model, "");
  }

  static BackendCall of(ModelRequest request, ModelSpec model, String deployment) {
    return switch (request) {
      case ChatRequest chat -> new Chat(chat, model, deployment);
      case CompletionRequest completion -> new Completion(completion, model, deployment);
      case EmbeddingRequest embedding -> new Embedding(embedding, model, deployment);
    };
  }
}
