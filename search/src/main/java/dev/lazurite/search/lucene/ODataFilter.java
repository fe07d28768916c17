package dev.lazurite.search.lucene;

import dev.lazurite.search.SearchException;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The OData {@code $filter} subset people use, compiled to a Lucene query: comparisons, {@code
 * and}/{@code or}/{@code not}, parentheses, {@code null}, {@code search.in}, {@code
 * search.ismatch}, and {@code any}/{@code all} over collections.
 */
final class ODataFilter {
  /** Parentheses, {@code not}s and lambdas nested in one another, at most. */
  static final int MAX_DEPTH = 100;

  private final IndexSchema schema;
  private final BiFunction<String, List<String>, Query> fullText;
  private final List<ODataLexer.Token> tokens;
  private int pos;
  private int depth;

  /** Inside a lambda: the range variable and the collection field it stands for. */
  private String rangeVariable;

  private SearchField rangeField;

  private ODataFilter(
      IndexSchema schema, BiFunction<String, List<String>, Query> fullText, String filter) {
    this.schema = schema;
    this.fullText = fullText;
    this.tokens = ODataLexer.tokens(filter);
  }

  /**
   * @param fullText builds the query for {@code search.ismatch(text, fields)}
   */
  static Query parse(
      String filter, IndexSchema schema, BiFunction<String, List<String>, Query> fullText) {
    var parser = new ODataFilter(schema, fullText, filter);
    Query q = parser.or();
    if (parser.pos != parser.tokens.size()) {
      throw invalid(
          "Syntax error at position " + parser.peek().position() + " in '" + filter + "'.");
    }
    return q;
  }

  /**
   * A chain of {@code or}s (and of {@code and}s below) is one flat query: a long chain costs no
   * stack, and past Lucene's clause limit it fails as too many clauses.
   */
  private Query or() {
    descend();
    Query first = and();
    if (!keyword("or")) {
      depth--;
      return first;
    }
    var any = new BooleanQuery.Builder().add(first, Occur.SHOULD).setMinimumNumberShouldMatch(1);
    do {
      any.add(and(), Occur.SHOULD);
    } while (keyword("or"));
    depth--;
    return any.build();
  }

  private Query and() {
    Query first = unary();
    if (!keyword("and")) {
      return first;
    }
    var all = new BooleanQuery.Builder().add(first, Occur.FILTER);
    do {
      all.add(unary(), Occur.FILTER);
    } while (keyword("and"));
    return all.build();
  }

  private Query unary() {
    if (keyword("not")) {
      descend();
      Query negated = not(unary());
      depth--;
      return negated;
    }
    return primary();
  }

  private void descend() {
    if (++depth > MAX_DEPTH) {
      throw invalid("The recursion depth exceeded allowed limit.");
    }
  }

  private static Query not(Query q) {
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(q, Occur.MUST_NOT)
        .build();
  }

  private Query primary() {
    ODataLexer.Token t = next();
    if (t.is("(")) {
      Query inner = or();
      expect(")");
      return inner;
    }
    if (t.kind() == ODataLexer.Kind.IDENTIFIER && t.text().startsWith("search.")) {
      return function(t.text());
    }
    if (t.kind() == ODataLexer.Kind.IDENTIFIER
        && (t.text().equals("true") || t.text().equals("false"))) {
      return t.text().equals("true") ? new MatchAllDocsQuery() : not(new MatchAllDocsQuery());
    }
    if (t.kind() != ODataLexer.Kind.IDENTIFIER) {
      throw invalid("Expected a field name at position " + t.position() + ".");
    }
    String path = t.text();
    if (path.endsWith("/any") || path.endsWith("/all")) {
      return lambda(path.substring(0, path.length() - 4), path.endsWith("/any"));
    }
    SearchField field = resolve(path);
    ODataLexer.Token op = peek();
    if (op != null
        && op.kind() == ODataLexer.Kind.IDENTIFIER
        && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.text())) {
      next();
      return comparison(field, op.text(), literal());
    }
    if (field.type().bool()) {
      return term(field, "true");
    }
    throw invalid("The field '" + path + "' must be compared with a value.");
  }

  private Query lambda(String path, boolean any) {
    SearchField field = resolve(path);
    if (!field.type().collection()) {
      throw invalid("'" + path + "' is not a collection; any/all apply to collections.");
    }
    expect("(");
    if (peek() != null && peek().is(")")) {
      next();
      if (!any) {
        throw invalid("all() needs a lambda expression.");
      }
      return new FieldExistsQuery(LuceneDocuments.exactField(field.name()));
    }
    ODataLexer.Token variable = next();
    expect(":");
    String outerVariable = rangeVariable;
    SearchField outerField = rangeField;
    rangeVariable = variable.text();
    rangeField = field;
    Query body = or();
    rangeVariable = outerVariable;
    rangeField = outerField;
    expect(")");
    if (any) {
      return body;
    }
    // all(x: predicate) holds when no element fails it.
    return not(negate(body));
  }

  /** Elements failing the predicate: for the supported forms, the complementary predicate. */
  private static Query negate(Query body) {
    if (body instanceof BooleanQuery b
        && b.clauses().size() == 2
        && b.clauses().get(1).occur() == Occur.MUST_NOT) {
      return b.clauses().get(1).query();
    }
    throw invalid("all() supports only 'ne' comparisons and 'not search.in(...)'.");
  }

  private Query function(String name) {
    expect("(");
    List<Object> args = new ArrayList<>();
    if (peek() == null || !peek().is(")")) {
      do {
        ODataLexer.Token t = peek();
        if (t == null) {
          throw invalid("The filter ended unexpectedly.");
        }
        if (t.kind() == ODataLexer.Kind.IDENTIFIER
            && !List.of("true", "false", "null").contains(t.text())) {
          next();
          args.add(new FieldRef(t.text()));
        } else {
          args.add(literal());
        }
      } while (symbol(","));
    }
    expect(")");
    switch (name) {
      case "search.in" -> {
        if (args.size() < 2
            || !(args.get(0) instanceof FieldRef ref)
            || !(args.get(1) instanceof String values)) {
          throw invalid("search.in takes a field, a string of values and optionally delimiters.");
        }
        String delimiters = args.size() > 2 ? String.valueOf(args.get(2)) : " ,";
        SearchField field = resolve(ref.path());
        List<BytesRef> terms = new ArrayList<>();
        for (String v : split(values, delimiters)) {
          terms.add(new BytesRef(v));
        }
        return new TermInSetQuery(LuceneDocuments.exactField(field.name()), terms);
      }
      case "search.ismatch", "search.ismatchscoring" -> {
        if (args.isEmpty() || !(args.get(0) instanceof String text)) {
          throw invalid(name + " takes a query string and optionally a list of fields.");
        }
        List<String> fields =
            args.size() > 1
                ? dev.lazurite.search.engine.SearchQuery.split(String.valueOf(args.get(1)))
                : List.of();
        return fullText.apply(text, fields);
      }
      default -> throw invalid("The function '" + name + "' is not supported.");
    }
  }

  private static List<String> split(String values, String delimiters) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (char c : values.toCharArray()) {
      if (delimiters.indexOf(c) >= 0) {
        if (!current.isEmpty()) {
          out.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  private record FieldRef(String path) {}

  private Query comparison(SearchField field, String op, Object value) {
    String name = LuceneDocuments.exactField(field.name());
    if (value == null) {
      Query exists = new FieldExistsQuery(name);
      return switch (op) {
        case "eq" -> not(exists);
        case "ne" -> exists;
        default -> throw invalid("null can only be compared with eq or ne.");
      };
    }
    if (op.equals("ne")) {
      return not(comparison(field, "eq", value));
    }
    var type = field.type();
    if (type.string()) {
      if (!(value instanceof String s)) {
        throw typeMismatch(field, value);
      }
      return switch (op) {
        case "eq" -> term(field, s);
        case "gt" -> TermRangeQuery.newStringRange(name, s, null, false, true);
        case "ge" -> TermRangeQuery.newStringRange(name, s, null, true, true);
        case "lt" -> TermRangeQuery.newStringRange(name, null, s, true, false);
        default -> TermRangeQuery.newStringRange(name, null, s, true, true);
      };
    }
    if (type.bool()) {
      if (!(value instanceof Boolean b) || !op.equals("eq")) {
        throw typeMismatch(field, value);
      }
      return term(field, b.toString());
    }
    if (type.integral() || type.date()) {
      long v;
      if (type.date() && value instanceof String s) {
        try {
          v = LuceneDocuments.epochMillis(s);
        } catch (java.time.DateTimeException e) {
          throw invalid("'" + s + "' is not a valid date and time.");
        }
      } else if (value instanceof Long l) {
        v = l;
      } else {
        throw typeMismatch(field, value);
      }
      return switch (op) {
        case "eq" -> LongField.newExactQuery(name, v);
        case "gt" -> LongField.newRangeQuery(name, v == Long.MAX_VALUE ? v : v + 1, Long.MAX_VALUE);
        case "ge" -> LongField.newRangeQuery(name, v, Long.MAX_VALUE);
        case "lt" -> LongField.newRangeQuery(name, Long.MIN_VALUE, v == Long.MIN_VALUE ? v : v - 1);
        default -> LongField.newRangeQuery(name, Long.MIN_VALUE, v);
      };
    }
    if (type.numeric()) {
      if (!(value instanceof Number n)) {
        throw typeMismatch(field, value);
      }
      double v = n.doubleValue();
      return switch (op) {
        case "eq" -> DoubleField.newExactQuery(name, v);
        case "gt" -> DoubleField.newRangeQuery(name, Math.nextUp(v), Double.POSITIVE_INFINITY);
        case "ge" -> DoubleField.newRangeQuery(name, v, Double.POSITIVE_INFINITY);
        case "lt" -> DoubleField.newRangeQuery(name, Double.NEGATIVE_INFINITY, Math.nextDown(v));
        default -> DoubleField.newRangeQuery(name, Double.NEGATIVE_INFINITY, v);
      };
    }
    throw invalid("Fields of type " + type + " cannot be compared in a filter.");
  }

  private static Query term(SearchField field, String value) {
    return new TermQuery(new Term(LuceneDocuments.exactField(field.name()), value));
  }

  private SearchField resolve(String path) {
    if (rangeVariable != null && path.equals(rangeVariable)) {
      return rangeField;
    }
    SearchField field =
        schema
            .field(path)
            .orElseThrow(
                () ->
                    invalid(
                        "Could not find a property named '"
                            + path
                            + "' on type 'search.document'."));
    if (!field.filterable()) {
      throw invalid(
          "The field '"
              + path
              + "' is not filterable. Only fields marked as filterable can be used in filter"
              + " expressions.");
    }
    return field;
  }

  private Object literal() {
    ODataLexer.Token t = next();
    return switch (t.kind()) {
      case STRING -> t.text();
      case NUMBER -> number(t);
      case DATE -> t.text();
      case IDENTIFIER ->
          switch (t.text()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw invalid("Expected a value at position " + t.position() + ".");
          };
      default -> throw invalid("Expected a value at position " + t.position() + ".");
    };
  }

  private static Object number(ODataLexer.Token t) {
    String text = t.text();
    try {
      return text.contains(".") || text.contains("e") || text.contains("E")
          ? (Object) Double.parseDouble(text)
          : (Object) Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw invalid("The number '" + text + "' at position " + t.position() + " is out of range.");
    }
  }

  private boolean keyword(String word) {
    ODataLexer.Token t = peek();
    if (t != null && t.kind() == ODataLexer.Kind.IDENTIFIER && t.text().equals(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean symbol(String s) {
    ODataLexer.Token t = peek();
    if (t != null && t.is(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String s) {
    ODataLexer.Token t = next();
    if (!t.is(s)) {
      throw invalid("Expected '" + s + "' at position " + t.position() + ".");
    }
  }

  private ODataLexer.Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private ODataLexer.Token next() {
    if (pos >= tokens.size()) {
      throw invalid("The filter ended unexpectedly.");
    }
    return tokens.get(pos++);
  }

  private static SearchException typeMismatch(SearchField field, Object value) {
    return invalid(
        "A value of type '"
            + (value == null ? "null" : value.getClass().getSimpleName())
            + "' cannot be compared with the field '"
            + field.name()
            + "' of type '"
            + field.type()
            + "'.");
  }

  static SearchException invalid(String detail) {
    return SearchException.badRequest(
        "Invalid expression: " + detail + "\r\nParameter name: $filter");
  }
}
