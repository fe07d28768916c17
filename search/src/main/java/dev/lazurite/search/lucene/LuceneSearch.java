package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.engine.VectorQuery;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Runs a search: full text (BM25), vector queries, hybrid fusion by reciprocal rank, ordering,
 * paging, facets, highlights and semantic re-ranking.
 */
final class LuceneSearch {
  /** The reciprocal rank fusion constant. */
  private static final int RRF_K = 60;

  /** How many documents the semantic ranker re-orders. */
  static final int SEMANTIC_WINDOW = 50;

  private final IndexSchema schema;
  private final Analyzer analyzer;
  private final TextQueries text;
  private final VectorSearch vectors;
  private final SemanticRanker semantic;

  LuceneSearch(IndexSchema schema, Analyzer analyzer, Embeddings embeddings) {
    this.schema = schema;
    this.analyzer = analyzer;
    this.text = new TextQueries(schema, analyzer);
    this.vectors = new VectorSearch(schema, embeddings);
    this.semantic = new SemanticRanker(schema, embeddings);
  }

  /** A candidate: a Lucene document, its score, and (once loaded) its source. */
  record Ranked(int doc, double score) {}

  SearchResult run(IndexSearcher searcher, SearchQuery q) throws IOException {
    for (String s : q.select()) {
      if (schema.field(s).isEmpty()) {
        throw SearchException.badRequest(
            "Invalid expression: Could not find a property named '"
                + s
                + "' on type 'search.document'.\r\nParameter name: $select");
      }
    }
    Query filter =
        q.filter().isBlank()
            ? null
            : ODataFilter.parse(q.filter(), schema, (t, f) -> text.build(t, false, false, f));
    boolean hasText = !q.matchAll();
    Query textQuery =
        hasText
            ? text.build(
                q.search(), q.queryType().equals("full"), q.searchModeAll(), q.searchFields())
            : new MatchAllDocsQuery();
    Query base =
        filter == null
            ? textQuery
            : new BooleanQuery.Builder()
                .add(textQuery, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    // Past the index's size a larger window finds nothing more; capped, it cannot overflow.
    int window = (int) Math.min(Integer.MAX_VALUE - 1, (long) q.skip() + q.pageSize());
    List<Ranked> ranked;
    long total;
    if (q.vectorQueries().isEmpty()) {
      int n = Math.max(q.semantic() ? SEMANTIC_WINDOW : 0, window + 1);
      TopDocs top =
          q.orderby().isEmpty() || q.semantic()
              ? searcher.search(base, Math.max(1, n))
              : searcher.search(base, Math.max(1, n), Sorts.sort(schema, q.orderby()), true);
      ranked = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        ranked.add(new Ranked(sd.doc, Float.isNaN(sd.score) ? 1.0 : sd.score));
      }
      total = q.count() || q.top().isEmpty() ? searcher.count(base) : ranked.size();
    } else {
      List<List<Ranked>> lists = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      if (hasText) {
        TopDocs top = searcher.search(base, Math.max(window, SEMANTIC_WINDOW));
        List<Ranked> list = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          list.add(new Ranked(sd.doc, sd.score));
        }
        lists.add(list);
        weights.add(1.0);
      }
      for (VectorQuery vq : q.vectorQueries()) {
        for (String field : vq.fields()) {
          lists.add(vectors.search(searcher, vq, field, filter, q.vectorPostFilter()));
          weights.add(vq.weight());
        }
      }
      ranked = lists.size() == 1 ? lists.getFirst() : fuse(lists, weights);
      if (!q.orderby().isEmpty() && !q.semantic()) {
        ranked = Sorts.inMemory(searcher, schema, q.orderby(), ranked);
      }
      total = ranked.size();
    }
    Map<Integer, ObjectNode> sources = new LinkedHashMap<>();
    List<Ranked> page;
    Map<Integer, Double> rerank = Map.of();
    if (q.semantic()) {
      List<Ranked> head = ranked.subList(0, Math.min(SEMANTIC_WINDOW, ranked.size()));
      for (Ranked r : head) {
        sources.put(r.doc(), load(searcher, r.doc()));
      }
      rerank = semantic.rerank(q, head, sources, searcher);
      Map<Integer, Double> scores = rerank;
      ranked = new ArrayList<>(head);
      ranked.sort((a, b) -> Double.compare(scores.get(b.doc()), scores.get(a.doc())));
    }
    page = ranked.subList(Math.min(q.skip(), ranked.size()), Math.min(window, ranked.size()));
    List<SearchResult.Hit> hits = new ArrayList<>(page.size());
    for (Ranked r : page) {
      ObjectNode source = sources.computeIfAbsent(r.doc(), d -> load(searcher, d));
      if (retrievableVectors(q.select())) {
        source = LuceneDocuments.withVectors(source.deepCopy(), schema, searcher, r.doc(), true);
      }
      hits.add(
          new SearchResult.Hit(
              project(source, schema, q.select()),
              r.score(),
              rerank.containsKey(r.doc())
                  ? OptionalDouble.of(rerank.get(r.doc()))
                  : OptionalDouble.empty(),
              q.highlight().isEmpty()
                  ? Map.of()
                  : Highlights.of(
                      analyzer,
                      textQuery,
                      source,
                      q.highlight(),
                      schema,
                      q.highlightPreTag(),
                      q.highlightPostTag()),
              q.semantic() ? semantic.captions(q, source) : List.of()));
    }
    Map<String, List<SearchResult.FacetBucket>> facets =
        q.facets().isEmpty() ? Map.of() : Facets.count(searcher, schema, base, q.facets());
    List<SearchResult.Answer> answers =
        q.semantic() ? semantic.answers(q, ranked, sources) : List.of();
    boolean more = q.top().isEmpty() && total > window;
    return new SearchResult(
        q.count() ? OptionalLong.of(total) : OptionalLong.empty(), hits, facets, answers, more);
  }

  private boolean retrievableVectors(List<String> select) {
    return schema.fields().stream()
        .anyMatch(
            f ->
                f.type().vector()
                    && f.retrievable()
                    && (select.isEmpty() || select.contains(f.name())));
  }

  /** Weighted reciprocal rank fusion: each list adds weight / (k + rank) for its documents. */
  static List<Ranked> fuse(List<List<Ranked>> lists, List<Double> weights) {
    Map<Integer, Double> scores = new LinkedHashMap<>();
    for (int l = 0; l < lists.size(); l++) {
      List<Ranked> list = lists.get(l);
      for (int rank = 0; rank < list.size(); rank++) {
        scores.merge(list.get(rank).doc(), weights.get(l) / (RRF_K + rank), Double::sum);
      }
    }
    List<Ranked> fused = new ArrayList<>();
    scores.forEach((doc, score) -> fused.add(new Ranked(doc, score)));
    fused.sort((a, b) -> Double.compare(b.score(), a.score()));
    return fused;
  }

  static ObjectNode load(IndexSearcher searcher, int doc) {
    try {
      return LuceneDocuments.source(
          searcher.storedFields().document(doc).getBinaryValue(LuceneDocuments.SOURCE).bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The retrievable fields of a document, limited to {@code select} when it names any. */
  static ObjectNode project(ObjectNode source, IndexSchema schema, List<String> select) {
    ObjectNode out = LuceneDocuments.JSON.createObjectNode();
    for (SearchField f : schema.fields()) {
      if (!f.retrievable() || (!select.isEmpty() && !select.contains(f.name()))) {
        continue;
      }
      out.set(f.name(), source.has(f.name()) ? source.get(f.name()) : out.nullNode());
    }
    return out;
  }
}
