package dev.lazurite.search.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;

/** {@code orderby}: field paths with asc/desc, and {@code search.score()}. */
final class Sorts {
  private Sorts() {}

  private record Clause(SearchField field, boolean descending) {}

  private static List<Clause> parse(IndexSchema schema, List<String> orderby) {
    if (orderby.size() > 32) {
      throw SearchException.badRequest("Invalid expression: orderby takes at most 32 clauses.");
    }
    List<Clause> clauses = new ArrayList<>();
    for (String item : orderby) {
      String[] parts = item.strip().split("\\s+");
      if (parts.length > 2 || (parts.length == 2 && !List.of("asc", "desc").contains(parts[1]))) {
        throw SearchException.badRequest(
            "Invalid expression: '"
                + item
                + "' is not a valid orderby clause.\r\nParameter name: $orderby");
      }
      boolean descending = parts.length == 2 && parts[1].equals("desc");
      if (parts[0].equals("search.score()")) {
        clauses.add(new Clause(null, descending || parts.length == 1));
        continue;
      }
      SearchField f =
          schema
              .field(parts[0])
              .orElseThrow(
                  () ->
                      SearchException.badRequest(
                          "Invalid expression: Could not find a property named '"
                              + parts[0]
                              + "' on type 'search.document'.\r\nParameter name: $orderby"));
      if (!f.sortable()) {
        throw SearchException.badRequest(
            "Invalid expression: The field '"
                + parts[0]
                + "' is not sortable. Only fields marked as sortable can be used in orderby"
                + " expressions.\r\nParameter name: $orderby");
      }
      clauses.add(new Clause(f, descending));
    }
    return clauses;
  }

  static Sort sort(IndexSchema schema, List<String> orderby) {
    List<SortField> fields = new ArrayList<>();
    for (Clause c : parse(schema, orderby)) {
      if (c.field() == null) {
        fields.add(new SortField(null, SortField.Type.SCORE, !c.descending()));
        continue;
      }
      String name = LuceneDocuments.exactField(c.field().name());
      var t = c.field().type();
      if (t.string() || t.bool()) {
        fields.add(new SortedSetSortField(name, c.descending()));
      } else if (t.integral() || t.date()) {
        fields.add(new SortedNumericSortField(name, SortField.Type.LONG, c.descending()));
      } else {
        fields.add(new SortedNumericSortField(name, SortField.Type.DOUBLE, c.descending()));
      }
    }
    fields.add(SortField.FIELD_DOC);
    return new Sort(fields.toArray(SortField[]::new));
  }

  /** Orders fused results (hybrid and vector queries) by the clauses, reading stored values. */
  static List<LuceneSearch.Ranked> inMemory(
      IndexSearcher searcher,
      IndexSchema schema,
      List<String> orderby,
      List<LuceneSearch.Ranked> ranked) {
    List<Clause> clauses = parse(schema, orderby);
    Map<Integer, com.fasterxml.jackson.databind.node.ObjectNode> sources = new HashMap<>();
    ranked.forEach(r -> sources.put(r.doc(), LuceneSearch.load(searcher, r.doc())));
    Comparator<LuceneSearch.Ranked> order = (a, b) -> 0;
    for (Clause c : clauses) {
      Comparator<LuceneSearch.Ranked> one =
          c.field() == null
              ? Comparator.comparingDouble(LuceneSearch.Ranked::score)
              : (a, b) ->
                  compare(
                      sources.get(a.doc()).path(c.field().name()),
                      sources.get(b.doc()).path(c.field().name()));
      order = order.thenComparing(c.descending() ? one.reversed() : one);
    }
    List<LuceneSearch.Ranked> sorted = new ArrayList<>(ranked);
    sorted.sort(order);
    return sorted;
  }

  private static int compare(JsonNode a, JsonNode b) {
    boolean aMissing = a.isMissingNode() || a.isNull();
    boolean bMissing = b.isMissingNode() || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(!aMissing, !bMissing);
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText().compareTo(b.asText());
  }
}
