package dev.lazurite.api.embeddings;

import java.util.List;

/** The embeddings response; each {@code embedding} is a float array or a base64 string. */
public record EmbeddingList(String object, List<Item> data, String model, Usage usage) {
  public EmbeddingList {
    data = List.copyOf(data);
  }

  public record Item(String object, int index, Object embedding) {}

  public record Usage(int promptTokens, int totalTokens) {}
}
