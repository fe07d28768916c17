package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * One index in a Lucene directory. A single writer applies batches under a lock and commits each
 * before acknowledging it; searchers come from a {@link SearcherManager} refreshed after every
 * batch, so readers never wait for writers.
 */
final class LuceneIndex implements DocumentIndex, AutoCloseable {
  private static final List<String> ACTIONS = List.of("upload", "merge", "mergeOrUpload", "delete");

  private final Path path;
  private final IndexSchema schema;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final LuceneSearch search;

  LuceneIndex(Path path, IndexSchema schema, Embeddings embeddings) {
    this.path = path;
    this.schema = schema;
    try {
      Files.createDirectories(path);
      this.directory = FSDirectory.open(path);
      var analyzer = Analyzers.forSchema(schema);
      var config =
          new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
      this.search = new LuceneSearch(schema, analyzer, embeddings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IndexSchema schema() {
    return schema;
  }

  @Override
  public List<ItemResult> index(List<ObjectNode> actions) {
    for (ObjectNode action : actions) {
      String name = action.path("@search.action").asText("upload");
      if (!ACTIONS.contains(name)) {
        throw SearchException.badRequest(
            "The request is invalid. Details: Invalid '@search.action' value '"
                + name
                + "'; use upload, merge, mergeOrUpload or delete.");
      }
      if (!name.equals("delete")) {
        LuceneDocuments.validate(action, schema);
      }
    }
    String keyName = schema.key().name();
    writeLock.lock();
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Map<String, Optional<ObjectNode>> pending = new HashMap<>();
        List<ItemResult> results = new ArrayList<>(actions.size());
        for (ObjectNode action : actions) {
          results.add(apply(action, keyName, searcher, pending));
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
        return results;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writeLock.unlock();
    }
  }

  private ItemResult apply(
      ObjectNode action,
      String keyName,
      IndexSearcher searcher,
      Map<String, Optional<ObjectNode>> pending)
      throws IOException {
    String name = action.path("@search.action").asText("upload");
    JsonNode keyNode = action.path(keyName);
    String key = keyNode.isTextual() ? keyNode.asText() : null;
    String problem = LuceneDocuments.keyProblem(key);
    if (problem != null) {
      return new ItemResult(key == null ? "" : key, false, problem, 400);
    }
    ObjectNode source = action.deepCopy();
    source.remove(List.of("@search.action"));
    Term term = new Term(LuceneDocuments.KEY, key);
    if (name.equals("delete")) {
      writer.deleteDocuments(term);
      pending.put(key, Optional.empty());
      return new ItemResult(key, true, null, 200);
    }
    Optional<ObjectNode> existing =
        pending.containsKey(key) ? pending.get(key) : stored(searcher, key);
    if (name.equals("merge") && existing.isEmpty()) {
      return new ItemResult(key, false, "Document not found.", 404);
    }
    ObjectNode document = source;
    if (!name.equals("upload") && existing.isPresent()) {
      document = existing.get().deepCopy();
      document.setAll(source);
    }
    try {
      writer.updateDocument(term, LuceneDocuments.fields(document, schema));
    } catch (IllegalArgumentException e) {
      // Lucene refuses the document alone (an immense term, a vector it cannot index).
      return new ItemResult(
          key, false, "The document could not be indexed: " + e.getMessage(), 400);
    }
    pending.put(key, Optional.of(document));
    return new ItemResult(key, true, null, existing.isPresent() ? 200 : 201);
  }

  private Optional<ObjectNode> stored(IndexSearcher searcher, String key) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(LuceneDocuments.KEY, key)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int doc = top.scoreDocs[0].doc;
    ObjectNode source =
        LuceneDocuments.source(
            searcher.storedFields().document(doc).getBinaryValue(LuceneDocuments.SOURCE).bytes);
    return Optional.of(LuceneDocuments.withVectors(source, schema, searcher, doc, false));
  }

  @Override
  public Optional<ObjectNode> lookup(String key, List<String> select) {
    for (String s : select) {
      if (schema.field(s).isEmpty()) {
        throw SearchException.badRequest(
            "Invalid expression: Could not find a property named '"
                + s
                + "' on type 'search.document'.\r\nParameter name: $select");
      }
    }
    return withSearcher(s -> stored(s, key)).map(doc -> LuceneSearch.project(doc, schema, select));
  }

  @Override
  public long count() {
    return withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  @Override
  public SearchResult search(SearchQuery query) {
    try {
      return withSearcher(s -> search.run(s, query));
    } catch (IndexSearcher.TooManyClauses e) {
      throw TextQueries.tooComplex();
    }
  }

  @Override
  public Stats stats() {
    long docs = count();
    long size;
    try (Stream<Path> files = Files.list(path)) {
      size = files.mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long vectorBytes = 0;
    for (SearchField f : schema.fields()) {
      if (f.type().vector()) {
        vectorBytes += docs * f.dimensions() * 4L;
      }
    }
    return new Stats(docs, size, vectorBytes);
  }

  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
