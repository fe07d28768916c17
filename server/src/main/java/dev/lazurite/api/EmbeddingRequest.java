package dev.lazurite.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;

/** A validated embeddings request; token-array inputs have been decoded to text. */
public record EmbeddingRequest(
    ObjectNode raw, List<String> inputs, boolean base64, OptionalInt dimensions, int promptTokens)
    implements ModelRequest {
  public EmbeddingRequest {
    requireNonNull(raw, "raw is null");
    inputs = List.copyOf(inputs);
    requireNonNull(dimensions, "dimensions is null");
  }

  @Override
  public boolean stream() {
    return false;
  }

  @Override
  public EmbeddingRequest withPromptTokens(int tokens) {
    return new EmbeddingRequest(raw, inputs, base64, dimensions, tokens);
  }
}
