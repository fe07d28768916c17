package dev.lazurite.search.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The documents of one index. Batches are applied in order and made durable before they are
 * acknowledged; searches run against the last published view and never wait for a batch.
 */
public interface DocumentIndex {
  /** The outcome of one batch action, as the service reports it. */
  record ItemResult(String key, boolean status, String errorMessage, int statusCode) {}

  /**
   * Applies a batch of actions ({@code @search.action} upload, merge, mergeOrUpload or delete).
   * Throws {@link dev.lazurite.search.SearchException} without changing anything when a document
   * does not fit the schema.
   */
  List<ItemResult> index(List<ObjectNode> actions);

  /** The stored document with this key, limited to the selected fields (all when empty). */
  Optional<ObjectNode> lookup(String key, List<String> select);

  long count();

  SearchResult search(SearchQuery query);

  /** Bytes on disk and bytes of vector data. */
  record Stats(long documentCount, long storageSize, long vectorIndexSize) {}

  Stats stats();
}
