package dev.lazurite.search.lucene;

import dev.lazurite.search.SearchException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Full-text queries in the service's two syntaxes: {@code simple} (Lucene's simple query parser)
 * and {@code full} (the classic Lucene syntax, with {@code field:term} naming index fields).
 */
final class TextQueries {
  private final IndexSchema schema;
  private final Analyzer analyzer;

  TextQueries(IndexSchema schema, Analyzer analyzer) {
    this.schema = schema;
    this.analyzer = analyzer;
  }

  Query build(String search, boolean full, boolean all, List<String> searchFields) {
    if (moreTermsThanClauses(search)) {
      // Refused before parsing: a parser given megabytes of terms works long before it fails.
      throw tooComplex();
    }
    List<String> fields = fields(searchFields);
    if (fields.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    if (full) {
      var parser = new FieldMappingParser(fields.toArray(String[]::new), analyzer);
      parser.setDefaultOperator(all ? QueryParser.Operator.AND : QueryParser.Operator.OR);
      parser.setAllowLeadingWildcard(true);
      try {
        return parser.parse(search);
      } catch (ParseException | RuntimeException e) {
        throw SearchException.badRequest(
            "Failed to parse query string at line 1, column 1. See"
                + " https://aka.ms/azure-search-full-query for supported syntax.");
      }
    }
    Map<String, Float> weights = new HashMap<>();
    fields.forEach(f -> weights.put(f, 1.0f));
    var parser = new SimpleQueryParser(analyzer, weights);
    parser.setDefaultOperator(all ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
    Query q = parser.parse(search);
    return q == null ? new MatchNoDocsQuery() : q;
  }

  /** The answer to a query that expands past Lucene's clause limit. */
  static SearchException tooComplex() {
    return SearchException.badRequest(
        "The request is invalid. Details: The query is too complex: it expands to more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses. Simplify the search text or the filter and try again.");
  }

  /** Whether the text has more whitespace-separated terms than a query may have clauses. */
  private static boolean moreTermsThanClauses(String search) {
    int limit = IndexSearcher.getMaxClauseCount();
    int terms = 0;
    boolean inTerm = false;
    for (int i = 0; i < search.length(); i++) {
      boolean space = Character.isWhitespace(search.charAt(i));
      if (!space && !inTerm && ++terms > limit) {
        return true;
      }
      inTerm = !space;
    }
    return false;
  }

  private List<String> fields(List<String> requested) {
    List<String> out = new ArrayList<>();
    if (requested.isEmpty()) {
      schema.fields().stream()
          .filter(SearchField::text)
          .forEach(f -> out.add(LuceneDocuments.textField(f.name())));
      return out;
    }
    for (String name : requested) {
      SearchField f =
          schema
              .field(name)
              .orElseThrow(
                  () ->
                      SearchException.badRequest(
                          "Unknown field '" + name + "' in search field list."));
      if (!f.text()) {
        throw SearchException.badRequest(
            "The field '" + name + "' in the search field list is not searchable.");
      }
      out.add(LuceneDocuments.textField(name));
    }
    return out;
  }

  /** Maps {@code field:term} in the full syntax onto the index's text fields. */
  private final class FieldMappingParser extends MultiFieldQueryParser {
    FieldMappingParser(String[] fields, Analyzer analyzer) {
      super(fields, analyzer);
    }

    private String map(String field) {
      if (field == null || field.startsWith("t.")) {
        return field;
      }
      SearchField f =
          schema
              .field(field)
              .filter(SearchField::text)
              .orElseThrow(
                  () ->
                      SearchException.badRequest(
                          "The field '" + field + "' in the query is not a searchable field."));
      return LuceneDocuments.textField(f.name());
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      return super.getFieldQuery(map(field), queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      return super.getFieldQuery(map(field), queryText, slop);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      return super.getPrefixQuery(map(field), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      return super.getWildcardQuery(map(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      return super.getFuzzyQuery(map(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      return super.getRegexpQuery(map(field), termStr);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      return super.getRangeQuery(map(field), part1, part2, startInclusive, endInclusive);
    }
  }
}
