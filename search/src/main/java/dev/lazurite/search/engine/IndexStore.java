package dev.lazurite.search.engine;

import dev.lazurite.search.schema.IndexSchema;
import java.util.List;
import java.util.Optional;

/**
 * The indexes of one search service. The embedded implementation keeps each index in a Lucene
 * directory on local disk; a distributed engine can stand behind the same interface.
 */
public interface IndexStore extends AutoCloseable {
  List<IndexSchema> list();

  Optional<IndexSchema> schema(String name);

  /**
   * Creates or updates an index. An update may add fields and change vector, semantic and
   * retrievability settings; it may not change or remove existing fields.
   *
   * @return true if the index was created
   */
  boolean put(IndexSchema schema);

  /** Deletes the index and its documents; false if there was none. */
  boolean delete(String name);

  /** The documents of an index; empty if there is no such index. */
  Optional<DocumentIndex> documents(String name);

  @Override
  void close();
}
