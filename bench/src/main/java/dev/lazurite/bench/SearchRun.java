package dev.lazurite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.lucene.LuceneIndexStore;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.tokens.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The search service on a synthetic corpus: indexing throughput (against the embedded model's
 * embedding throughput), index size and heap, and query latency for BM25, vector, hybrid and
 * semantic queries. Usage: {@code SearchRun [chunks] [queries]} (defaults 100000 200).
 */
public final class SearchRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DIMENSIONS = 384;

  public static void main(String[] args) throws Exception {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    var model = new EmbeddedEmbeddingBackend(new TokenCounter());
    model.warmUp();
    Embeddings embeddings =
        new Embeddings() {
          @Override
          public List<float[]> embed(String resourceUri, String deployment, List<String> texts) {
            return rank(texts);
          }

          @Override
          public List<float[]> rank(List<String> texts) {
            List<float[]> out = model.vectors(texts);
            out.forEach(SearchRun::normalize);
            return out;
          }
        };
    Random random = new Random(42);
    String[] vocabulary = vocabulary(random, 5000);
    float[][] centres = new float[200][];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = unit(random);
    }

    // Embedding throughput of the embedded model on chunk-sized texts.
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      sample.add(text(random, vocabulary, 120));
    }
    embeddings.rank(sample.subList(0, 32));
    long e0 = System.nanoTime();
    for (int i = 0; i < sample.size(); i += 32) {
      embeddings.rank(sample.subList(i, i + 32));
    }
    double embedPerChunkMs = (System.nanoTime() - e0) / 1e6 / sample.size();

    Path dir = Files.createTempDirectory("lazurite-search-bench");
    try (var store = new LuceneIndexStore(dir, embeddings)) {
      store.put(IndexSchema.parse(JSON.readTree(SCHEMA), Optional.empty(), "\"0x1\""));
      DocumentIndex index = store.documents("chunks").orElseThrow();
      long i0 = System.nanoTime();
      for (int start = 0; start < chunks; start += 1000) {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = start; i < Math.min(chunks, start + 1000); i++) {
          ObjectNode d = JSON.createObjectNode();
          d.put("id", "c" + i)
              .put("title", text(random, vocabulary, 6))
              .put("content", text(random, vocabulary, 120));
          d.put("category", "cat" + random.nextInt(20));
          ArrayNode v = d.putArray("vector");
          for (float x : near(centres[random.nextInt(centres.length)], random)) {
            v.add(x);
          }
          batch.add(d);
        }
        index.index(batch);
      }
      double indexSeconds = (System.nanoTime() - i0) / 1e9;
      double indexPerChunkMs = indexSeconds * 1000 / chunks;
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      long disk;
      try (Stream<Path> files = Files.walk(dir)) {
        disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf(
          "corpus: %,d chunks of 120 words, %d-dim vectors%n"
              + "indexing: %.1f s, %,.0f chunks/s (%.3f ms per chunk)%n"
              + "embedding (embedded all-MiniLM-L6-v2, batches of 32): %.2f ms per chunk, %,.0f chunks/s%n"
              + "indexing overhead: %.1f %% of embedding time%n"
              + "index on disk: %,d MB; heap in use after GC: %,d MB%n",
          chunks,
          DIMENSIONS,
          indexSeconds,
          chunks / indexSeconds,
          indexPerChunkMs,
          embedPerChunkMs,
          1000 / embedPerChunkMs,
          100 * indexPerChunkMs / embedPerChunkMs,
          disk >> 20,
          heap >> 20);

      List<String> texts = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        texts.add(text(random, vocabulary, 4));
      }
      report("bm25", index, texts, q -> JSON.createObjectNode().put("search", q).put("top", 10));
      report("vector", index, texts, q -> vector(JSON.createObjectNode(), random));
      report("hybrid", index, texts, q -> vector(JSON.createObjectNode().put("search", q), random));
      report(
          "semantic",
          index,
          texts.subList(0, Math.min(50, texts.size())),
          q ->
              JSON.createObjectNode().put("search", q).put("queryType", "semantic").put("top", 10));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      model.close();
    }
  }

  private static void report(
      String name,
      DocumentIndex index,
      List<String> texts,
      java.util.function.Function<String, ObjectNode> request)
      throws Exception {
    // Warm-up: enough queries for the JIT to compile the search path.
    long until = System.nanoTime() + 5_000_000_000L;
    for (int i = 0; System.nanoTime() < until && i < 2000; i++) {
      index.search(SearchQuery.parse(request.apply(texts.get(i % texts.size()))));
    }
    Histogram h = new Histogram(3);
    for (String t : texts) {
      ObjectNode body = request.apply(t);
      long t0 = System.nanoTime();
      index.search(SearchQuery.parse(body));
      h.recordValue((System.nanoTime() - t0) / 1000);
    }
    System.out.printf(
        "%-8s queries: %d, p50 %.2f ms, p99 %.2f ms%n",
        name,
        texts.size(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0);
  }

  private static ObjectNode vector(ObjectNode request, Random random) {
    ArrayNode v =
        request
            .put("top", 10)
            .putArray("vectorQueries")
            .addObject()
            .put("kind", "vector")
            .put("fields", "vector")
            .put("k", 10)
            .putArray("vector");
    for (float x : unit(random)) {
      v.add(x);
    }
    return request;
  }

  private static String[] vocabulary(Random random, int size) {
    String[] words = new String[size];
    for (int i = 0; i < size; i++) {
      StringBuilder w = new StringBuilder();
      int length = 3 + random.nextInt(7);
      for (int c = 0; c < length; c++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = w.toString();
    }
    return words;
  }

  /** Zipf-like: low word indexes are far more frequent. */
  private static String text(Random random, String[] vocabulary, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      double u = random.nextDouble();
      int index =
          (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, u)) - 1);
      sb.append(i == 0 ? "" : " ").append(vocabulary[Math.max(0, index)]);
    }
    return sb.toString();
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalize(v);
  }

  private static float[] near(float[] centre, Random random) {
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = centre[i] + 0.3f * (float) random.nextGaussian() / (float) Math.sqrt(DIMENSIONS);
    }
    return normalize(v);
  }

  static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float s = (float) (1 / Math.sqrt(n));
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return v;
  }

  private static final String SCHEMA =
      """
      {"name": "chunks", "fields": [
        {"name": "id", "type": "Edm.String", "key": true},
        {"name": "title", "type": "Edm.String", "searchable": true, "filterable": false, "sortable": false, "facetable": false},
        {"name": "content", "type": "Edm.String", "searchable": true, "filterable": false, "sortable": false, "facetable": false},
        {"name": "category", "type": "Edm.String"},
        {"name": "vector", "type": "Collection(Edm.Single)", "searchable": true, "retrievable": false,
         "dimensions": 384, "vectorSearchProfile": "p"}],
       "vectorSearch": {"algorithms": [{"name": "h", "kind": "hnsw"}], "profiles": [{"name": "p", "algorithm": "h", "vectorizer": "m"}],
         "vectorizers": [{"name": "m", "kind": "azureOpenAI", "azureOpenAIParameters": {"deploymentId": "embedded"}}]},
       "semantic": {"configurations": [{"name": "sc", "prioritizedFields": {"titleField": {"fieldName": "title"},
         "prioritizedContentFields": [{"fieldName": "content"}]}}]}}
      """;
}
