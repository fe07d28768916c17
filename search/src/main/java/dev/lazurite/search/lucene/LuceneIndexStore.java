package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The indexes of one search service on local disk: each in its own directory, with its definition
 * beside the Lucene files. Definitions are replaced atomically; an index is reopened when its
 * definition changes.
 */
public final class LuceneIndexStore implements IndexStore {
  private static final String DEFINITION = "definition.json";

  private final Path root;
  private final Embeddings embeddings;
  private final Map<String, LuceneIndex> indexes = new TreeMap<>();

  public LuceneIndexStore(Path root, Embeddings embeddings) {
    this.root = root;
    this.embeddings = embeddings;
    try {
      Files.createDirectories(root);
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(DEFINITION))).toList()) {
          JsonNode definition = LuceneDocuments.JSON.readTree(dir.resolve(DEFINITION).toFile());
          IndexSchema schema =
              IndexSchema.parse(
                  definition,
                  Optional.of(dir.getFileName().toString()),
                  definition.path("@odata.etag").asText());
          indexes.put(schema.name(), new LuceneIndex(dir.resolve("lucene"), schema, embeddings));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized List<IndexSchema> list() {
    return indexes.values().stream().map(LuceneIndex::schema).toList();
  }

  @Override
  public synchronized Optional<IndexSchema> schema(String name) {
    return Optional.ofNullable(indexes.get(name)).map(LuceneIndex::schema);
  }

  @Override
  public synchronized boolean put(IndexSchema schema) {
    LuceneIndex existing = indexes.get(schema.name());
    if (existing != null) {
      compatible(existing.schema(), schema);
    }
    Path dir = root.resolve(schema.name());
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(DEFINITION + ".tmp");
      LuceneDocuments.JSON
          .writerWithDefaultPrettyPrinter()
          .writeValue(tmp.toFile(), schema.definition());
      Files.move(
          tmp,
          dir.resolve(DEFINITION),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (existing != null) {
      existing.close();
    }
    indexes.put(schema.name(), new LuceneIndex(dir.resolve("lucene"), schema, embeddings));
    return existing == null;
  }

  /** An update may add fields and change retrievability, never change what is indexed. */
  private static void compatible(IndexSchema before, IndexSchema after) {
    List<String> changed = new ArrayList<>();
    for (SearchField old : before.fields()) {
      Optional<SearchField> now = after.field(old.name());
      if (now.isEmpty()) {
        changed.add(old.name());
        continue;
      }
      SearchField n = now.get();
      if (!n.type().equals(old.type())
          || n.key() != old.key()
          || n.searchable() != old.searchable()
          || n.filterable() != old.filterable()
          || n.sortable() != old.sortable()
          || n.facetable() != old.facetable()
          || !n.analyzer().equals(old.analyzer())
          || n.dimensions() != old.dimensions()) {
        changed.add(old.name());
      }
    }
    if (!changed.isEmpty()) {
      throw SearchException.badRequest(
          "Index update not allowed because it would cause downtime. Existing field(s) "
              + changed
              + " cannot be changed or removed; create a new index instead.");
    }
  }

  @Override
  public synchronized boolean delete(String name) {
    LuceneIndex index = indexes.remove(name);
    if (index == null) {
      return false;
    }
    index.close();
    try (Stream<Path> files = Files.walk(root.resolve(name))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  @Override
  public synchronized Optional<DocumentIndex> documents(String name) {
    return Optional.ofNullable(indexes.get(name));
  }

  @Override
  public synchronized void close() {
    indexes.values().forEach(LuceneIndex::close);
    indexes.clear();
  }
}
