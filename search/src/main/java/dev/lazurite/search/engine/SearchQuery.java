package dev.lazurite.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A validated search request, as {@code POST …/docs/search.post.search} takes it.
 *
 * @param search the query text; empty or {@code *} matches every document
 * @param queryType {@code simple}, {@code full} or {@code semantic}
 * @param top the page size the caller asked for; empty means the default of 50
 */
public record SearchQuery(
    String search,
    String queryType,
    boolean searchModeAll,
    List<String> searchFields,
    String filter,
    List<String> select,
    List<String> orderby,
    OptionalInt top,
    int skip,
    boolean count,
    List<String> facets,
    List<String> highlight,
    String highlightPreTag,
    String highlightPostTag,
    String semanticConfiguration,
    String semanticQuery,
    String answers,
    String captions,
    List<VectorQuery> vectorQueries,
    boolean vectorPostFilter) {
  public static final int DEFAULT_TOP = 50;
  private static final Set<String> KNOWN =
      Set.of(
          "search",
          "queryType",
          "searchMode",
          "searchFields",
          "filter",
          "select",
          "orderby",
          "top",
          "skip",
          "count",
          "facets",
          "highlight",
          "highlightPreTag",
          "highlightPostTag",
          "minimumCoverage",
          "scoringProfile",
          "scoringParameters",
          "scoringStatistics",
          "sessionId",
          "semanticConfiguration",
          "semanticQuery",
          "semanticErrorHandling",
          "semanticMaxWaitInMilliseconds",
          "answers",
          "captions",
          "vectorQueries",
          "vectorFilterMode",
          "queryLanguage",
          "speller",
          "debug",
          "hybridSearch",
          "queryRewrites",
          "semanticFields");

  public SearchQuery {
    searchFields = List.copyOf(searchFields);
    select = List.copyOf(select);
    orderby = List.copyOf(orderby);
    facets = List.copyOf(facets);
    highlight = List.copyOf(highlight);
    vectorQueries = List.copyOf(vectorQueries);
  }

  public boolean matchAll() {
    return search.isBlank() || search.strip().equals("*");
  }

  public boolean semantic() {
    return queryType.equals("semantic");
  }

  public int pageSize() {
    return top.orElse(DEFAULT_TOP);
  }

  public static SearchQuery parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw SearchException.badRequest(
          "The request is invalid. Details: the body must be a JSON object.");
    }
    ObjectNode body = (ObjectNode) node;
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!KNOWN.contains(name)) {
                throw SearchException.badRequest(
                    "The request is invalid. Details: The parameter '"
                        + name
                        + "' in the request payload is not a valid parameter for the operation"
                        + " 'search'.");
              }
            });
    String queryType = text(body, "queryType", "simple");
    if (!List.of("simple", "full", "semantic").contains(queryType)) {
      throw invalid("queryType", "simple, full or semantic");
    }
    String searchMode = text(body, "searchMode", "any");
    if (!List.of("any", "all").contains(searchMode)) {
      throw invalid("searchMode", "any or all");
    }
    int top = integer(body, "top", -1);
    if (body.has("top") && top < 0) {
      throw invalid("top", "a non-negative integer");
    }
    int skip = integer(body, "skip", 0);
    if (skip < 0 || skip > 100_000) {
      throw invalid("skip", "an integer from 0 to 100000");
    }
    String filterMode = text(body, "vectorFilterMode", "preFilter");
    if (!List.of("preFilter", "postFilter").contains(filterMode)) {
      throw invalid("vectorFilterMode", "preFilter or postFilter");
    }
    return new SearchQuery(
        text(body, "search", ""),
        queryType,
        searchMode.equals("all"),
        list(body, "searchFields"),
        text(body, "filter", ""),
        list(body, "select").equals(List.of("*")) ? List.of() : list(body, "select"),
        list(body, "orderby"),
        body.has("top") && !body.get("top").isNull() ? OptionalInt.of(top) : OptionalInt.empty(),
        skip,
        bool(body, "count"),
        facets(body),
        list(body, "highlight"),
        text(body, "highlightPreTag", "<em>"),
        text(body, "highlightPostTag", "</em>"),
        text(body, "semanticConfiguration", ""),
        text(body, "semanticQuery", ""),
        text(body, "answers", "none"),
        text(body, "captions", "none"),
        vectorQueries(body.path("vectorQueries")),
        filterMode.equals("postFilter"));
  }

  private static List<VectorQuery> vectorQueries(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid("vectorQueries", "an array");
    }
    List<VectorQuery> queries = new ArrayList<>();
    for (JsonNode q : node) {
      if (!q.isObject()) {
        throw invalid("vectorQueries", "an array of objects");
      }
      String kind = q.path("kind").asText("vector");
      float[] vector = new float[0];
      String text = "";
      if (kind.equals("vector")) {
        JsonNode v = q.path("vector");
        if (!v.isArray() || v.isEmpty()) {
          throw SearchException.badRequest(
              "The request is invalid. Details: a vector query of kind 'vector' needs a non-empty"
                  + " 'vector'.");
        }
        vector = new float[v.size()];
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isNumber()) {
            throw invalid("vector", "an array of numbers");
          }
          vector[i] = (float) v.get(i).asDouble();
          if (!Float.isFinite(vector[i])) {
            throw SearchException.badRequest(
                "The request is invalid. Details: Cannot convert the literal '"
                    + v.get(i).asText()
                    + "' to the expected type 'Edm.Single'.");
          }
        }
      } else if (kind.equals("text")) {
        text = q.path("text").asText("");
        if (text.isBlank()) {
          throw SearchException.badRequest(
              "The request is invalid. Details: a vector query of kind 'text' needs a 'text'.");
        }
      } else {
        throw SearchException.badRequest(
            "The request is invalid. Details: unknown vector query kind '" + kind + "'.");
      }
      List<String> fields = split(q.path("fields").asText(""));
      if (fields.isEmpty()) {
        throw SearchException.badRequest(
            "The request is invalid. Details: a vector query needs 'fields'.");
      }
      int k = q.path("k").isNull() ? 0 : q.path("k").asInt(0);
      if (q.has("k") && !q.get("k").isNull() && (!q.get("k").canConvertToInt() || k < 1)) {
        throw invalid("k", "a positive integer");
      }
      queries.add(
          new VectorQuery(
              vector,
              text,
              fields,
              k == 0 ? DEFAULT_TOP : k,
              q.path("exhaustive").asBoolean(false),
              q.path("weight").asDouble(1.0)));
    }
    return queries;
  }

  private static List<String> facets(ObjectNode body) {
    JsonNode node = body.path("facets");
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid("facets", "an array of strings");
    }
    List<String> facets = new ArrayList<>();
    node.forEach(f -> facets.add(f.asText()));
    return facets;
  }

  private static String text(ObjectNode body, String name, String fallback) {
    JsonNode v = body.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw invalid(name, "a string");
    }
    return v.asText();
  }

  private static int integer(ObjectNode body, String name, int fallback) {
    JsonNode v = body.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw invalid(name, "an integer");
    }
    return v.asInt();
  }

  private static boolean bool(ObjectNode body, String name) {
    JsonNode v = body.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw invalid(name, "a boolean");
    }
    return v.asBoolean();
  }

  private static List<String> list(ObjectNode body, String name) {
    JsonNode v = body.path(name);
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.addAll(split(i.asText())));
      return items;
    }
    return split(text(body, name, ""));
  }

  /**
   * Splits a comma-separated list, trimming each item; a comma inside parentheses does not split.
   */
  public static List<String> split(String csv) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : csv.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        items.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString().strip());
    return Arrays.stream(items.toArray(String[]::new)).filter(s -> !s.isEmpty()).toList();
  }

  private static SearchException invalid(String name, String expected) {
    return SearchException.badRequest(
        "The request is invalid. Details: '" + name + "' must be " + expected + ".");
  }
}
