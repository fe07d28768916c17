package dev.lazurite.search.lucene;

import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.SearchResult.FacetBucket;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.LongValueFacetCounts;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.NumericUtils;

/** Value facets ({@code "field,count:10,sort:count"}) counted by Lucene's facet module. */
final class Facets {
  private Facets() {}

  static Map<String, List<FacetBucket>> count(
      IndexSearcher searcher, IndexSchema schema, Query query, List<String> specs)
      throws IOException {
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    Map<String, List<FacetBucket>> out = new LinkedHashMap<>();
    for (String spec : specs) {
      String[] parts = spec.split(",");
      String name = parts[0].strip();
      int count = 10;
      String sort = "count";
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].strip().split(":", 2);
        if (kv.length != 2) {
          throw invalid(spec);
        }
        switch (kv[0]) {
          case "count" -> {
            try {
              count = Integer.parseInt(kv[1]);
            } catch (NumberFormatException e) {
              throw invalid(spec);
            }
          }
          case "sort" -> {
            if (!List.of("count", "-count", "value", "-value").contains(kv[1])) {
              throw invalid(spec);
            }
            sort = kv[1];
          }
          default ->
              throw SearchException.badRequest(
                  "The facet parameter '"
                      + kv[0]
                      + "' in '"
                      + spec
                      + "' is not supported; use count and sort.");
        }
      }
      SearchField field =
          schema
              .field(name)
              .orElseThrow(
                  () ->
                      SearchException.badRequest("The facet field '" + name + "' does not exist."));
      if (!field.facetable()) {
        throw SearchException.badRequest(
            "The field '"
                + name
                + "' is not facetable. Only facetable fields can be used in facets.");
      }
      out.put(name, buckets(searcher, field, hits, count, sort));
    }
    return out;
  }

  private static List<FacetBucket> buckets(
      IndexSearcher searcher, SearchField field, FacetsCollector hits, int count, String sort)
      throws IOException {
    String lucene = LuceneDocuments.exactField(field.name());
    var t = field.type();
    FacetResult result;
    if (t.string() || t.bool()) {
      var state = new StringDocValuesReaderState(searcher.getIndexReader(), lucene);
      result = new StringValueFacetCounts(state, hits).getAllChildren(lucene);
    } else {
      result = new LongValueFacetCounts(lucene, hits).getAllChildren(lucene);
    }
    List<FacetBucket> buckets = new ArrayList<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        buckets.add(new FacetBucket(value(field, lv.label), lv.value.longValue()));
      }
    }
    Comparator<FacetBucket> byCount = Comparator.comparingLong(FacetBucket::count);
    Comparator<FacetBucket> byValue = (a, b) -> compare(a.value(), b.value());
    Comparator<FacetBucket> order =
        switch (sort) {
          case "-count" -> byCount.thenComparing(byValue);
          case "value" -> byValue;
          case "-value" -> byValue.reversed();
          default -> byCount.reversed().thenComparing(byValue);
        };
    buckets.sort(order);
    return buckets.subList(0, Math.min(count, buckets.size()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static Object value(SearchField field, String label) {
    var t = field.type();
    if (t.bool()) {
      return Boolean.parseBoolean(label);
    }
    if (t.string()) {
      return label;
    }
    long raw = Long.parseLong(label);
    if (t.date()) {
      return Instant.ofEpochMilli(raw).toString();
    }
    if (t.integral()) {
      return raw;
    }
    return NumericUtils.sortableLongToDouble(raw);
  }

  private static SearchException invalid(String spec) {
    return SearchException.badRequest("Invalid facet expression '" + spec + "'.");
  }
}
