package dev.lazurite.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Reads a document's indexed vector back from the vector index. */
final class StoredVectors {
  private StoredVectors() {}

  /** The vector of a (top-level) document in a vector field, or null if it has none. */
  static float[] of(IndexSearcher searcher, String field, int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      if (values == null) {
        return null;
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      int target = doc - leaf.docBase;
      return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
