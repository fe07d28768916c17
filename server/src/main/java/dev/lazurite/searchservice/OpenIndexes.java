package dev.lazurite.searchservice;

import dev.lazurite.search.Embeddings;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.http.SearchApi;
import dev.lazurite.search.lucene.LuceneIndexStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The search services' indexes on this instance's disk, under {@code <root>/<service>}, opened on
 * first use and removed with their service.
 */
final class OpenIndexes implements AutoCloseable {
  record Open(IndexStore indexes, SearchApi api) {}

  private final Path root;
  private final Embeddings embeddings;
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  OpenIndexes(Path root, Embeddings embeddings) {
    this.root = root;
    this.embeddings = embeddings;
  }

  Open opened(String service) {
    return open.computeIfAbsent(
        service,
        n -> {
          IndexStore indexes = new LuceneIndexStore(root.resolve(n), embeddings);
          return new Open(indexes, new SearchApi(n, indexes));
        });
  }

  /**
   * Whether the index store answers: not closed, its directory writable, and every opened service's
   * indexes listed.
   */
  boolean reachable() {
    if (closed) {
      return false;
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      return false;
    }
    if (!Files.isWritable(root)) {
      return false;
    }
    for (Open o : open.values()) {
      o.indexes().list();
    }
    return true;
  }

  /** Closes a deleted service's indexes and removes them from disk. */
  void remove(String service) {
    Open o = open.remove(service);
    if (o != null) {
      o.indexes().close();
    }
    Path dir = root.resolve(service);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    open.values().forEach(o -> o.indexes().close());
    open.clear();
  }
}
