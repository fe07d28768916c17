package dev.lazurite.search;

import java.util.List;

/**
 * Where the search service gets vectors: from an embeddings deployment named by a vectorizer, and
 * from the model semantic ranking uses. Implemented by the server, which calls its own deployments
 * in-process and never contacts a vectorizer's {@code resourceUri}.
 */
public interface Embeddings {
  /**
   * One vector per text, from an embeddings deployment of the account a vectorizer's {@code
   * resourceUri} names (the server's default account when it names none).
   */
  List<float[]> embed(String resourceUri, String deployment, List<String> texts);

  /** One unit-length vector per text, for semantic ranking, captions and answers. */
  List<float[]> rank(List<String> texts);
}
