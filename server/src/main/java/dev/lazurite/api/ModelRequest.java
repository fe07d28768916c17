package dev.lazurite.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated data-plane request body, with its prompt tokens counted by the model's encoding. The
 * raw body is kept for backends that pass requests through.
 */
public sealed interface ModelRequest permits ChatRequest, CompletionRequest, EmbeddingRequest {
  ObjectNode raw();

  int promptTokens();

  boolean stream();

  ModelRequest withPromptTokens(int promptTokens);
}
