package dev.lazurite.api.models;

import java.util.List;

/** {@code GET /openai/models} and {@code /openai/v1/models}. */
public record ModelList(List<Object> data, String object) {
  public ModelList {
    data = List.copyOf(data);
  }

  /** The v1 (OpenAI) shape: one entry per deployment, whose id is what {@code model} takes. */
  public record V1Model(String id, String object, long created, String ownedBy) {}

  /** The dated (Azure) shape of a base model. */
  public record AzureModel(
      String id,
      String status,
      String model,
      Capabilities capabilities,
      String lifecycleStatus,
      long createdAt,
      String object) {}

  public record Capabilities(
      boolean chatCompletion,
      boolean completion,
      boolean embeddings,
      boolean fineTune,
      boolean inference) {}
}
