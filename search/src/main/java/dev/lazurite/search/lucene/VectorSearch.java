package dev.lazurite.search.lucene;

import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.VectorQuery;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.search.schema.VectorProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/** Nearest-neighbour search on one vector field: HNSW, or an exhaustive scan when asked for. */
final class VectorSearch {
  private final IndexSchema schema;
  private final Embeddings embeddings;

  VectorSearch(IndexSchema schema, Embeddings embeddings) {
    this.schema = schema;
    this.embeddings = embeddings;
  }

  List<LuceneSearch.Ranked> search(
      IndexSearcher searcher, VectorQuery vq, String fieldName, Query filter, boolean postFilter)
      throws IOException {
    SearchField field =
        schema
            .field(fieldName)
            .filter(f -> f.type().vector())
            .orElseThrow(
                () ->
                    SearchException.badRequest(
                        "The field '"
                            + fieldName
                            + "' in the vector field list is not a vector field of the index."));
    VectorProfile profile = schema.profile(field);
    float[] vector = vq.vector();
    if (vector.length == 0) {
      if (profile.vectorizerDeployment().isEmpty()) {
        throw SearchException.badRequest(
            "The field '"
                + fieldName
                + "' has no vectorizer in its vector search profile, so it cannot take a text"
                + " vector query.");
      }
      vector =
          embeddings
              .embed(
                  profile.vectorizerResource(), profile.vectorizerDeployment(), List.of(vq.text()))
              .getFirst();
    }
    if (vector.length != field.dimensions()) {
      throw SearchException.badRequest(
          "The vector field '"
              + fieldName
              + "' has "
              + field.dimensions()
              + " dimensions, but the query vector has "
              + vector.length
              + ".");
    }
    String luceneField = LuceneDocuments.vectorField(fieldName);
    // Lucene sizes its queues by k: no more than the documents there are.
    int k = Math.min(vq.k(), Math.max(1, searcher.getIndexReader().maxDoc()));
    List<LuceneSearch.Ranked> out = new ArrayList<>();
    if (vq.exhaustive() || profile.exhaustive()) {
      for (ScoreDoc sd : exact(searcher, luceneField, vector, k, filter)) {
        out.add(new LuceneSearch.Ranked(sd.doc, LuceneDocuments.serviceScore(profile, sd.score)));
      }
      return out;
    }
    Query knn = new KnnFloatVectorQuery(luceneField, vector, k, postFilter ? null : filter);
    if (postFilter && filter != null) {
      knn = new BooleanQuery.Builder().add(knn, Occur.MUST).add(filter, Occur.FILTER).build();
    }
    for (ScoreDoc sd : searcher.search(knn, k).scoreDocs) {
      out.add(new LuceneSearch.Ranked(sd.doc, LuceneDocuments.serviceScore(profile, sd.score)));
    }
    return out;
  }

  /** Scores every document with a vector (that passes the filter) and keeps the best k. */
  private static List<ScoreDoc> exact(
      IndexSearcher searcher, String field, float[] vector, int k, Query filter)
      throws IOException {
    Weight filterWeight =
        filter == null
            ? null
            : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>((a, b) -> Float.compare(a.score, b.score));
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      if (values == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      FixedBitSet allowed = null;
      if (filterWeight != null) {
        allowed = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = filterWeight.scorer(leaf);
        if (scorer != null) {
          allowed.or(scorer.iterator());
        }
      }
      VectorScorer scorer = values.scorer(vector);
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if ((live != null && !live.get(doc)) || (allowed != null && !allowed.get(doc))) {
          continue;
        }
        best.add(new ScoreDoc(leaf.docBase + doc, scorer.score()));
        if (best.size() > k) {
          best.poll();
        }
      }
    }
    List<ScoreDoc> out = new ArrayList<>(best);
    out.sort((a, b) -> Float.compare(b.score, a.score));
    return out;
  }
}
