package dev.lazurite.ondata;

import java.util.OptionalDouble;

/**
 * One document the search returned, with where it ended up.
 *
 * @param relevance cosine similarity of question and document, which {@code strictness} filters on
 * @param filterReason empty if the document was given to the model, else {@code score} or {@code
 *     rerank}
 */
public record Retrieved(
    String content,
    String title,
    String url,
    String filepath,
    String chunkId,
    double searchScore,
    OptionalDouble rerankScore,
    double relevance,
    String filterReason) {
  public Retrieved withFilterReason(String reason) {
    return new Retrieved(
        content, title, url, filepath, chunkId, searchScore, rerankScore, relevance, reason);
  }

  public boolean used() {
    return filterReason.isEmpty();
  }
}
