package dev.lazurite.search.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.schema.IndexSchema;
import java.util.List;
import java.util.Map;

/** The document routes of one index: batches, lookup and search (POST and GET). */
final class DocumentRoutes {
  private final DocumentIndex documents;
  private final IndexSchema schema;
  private final SearchApi.Context ctx;

  DocumentRoutes(DocumentIndex documents, IndexSchema schema, SearchApi.Context ctx) {
    this.documents = documents;
    this.schema = schema;
    this.ctx = ctx;
  }

  SearchReply index(List<ObjectNode> actions) {
    List<DocumentIndex.ItemResult> results = documents.index(actions);
    ObjectNode out = SearchReply.JSON.createObjectNode();
    ArrayNode value = out.putArray("value");
    boolean all = true;
    for (var r : results) {
      ObjectNode item = value.addObject();
      item.put("key", r.key());
      item.put("status", r.status());
      if (r.errorMessage() == null) {
        item.putNull("errorMessage");
      } else {
        item.put("errorMessage", r.errorMessage());
      }
      item.put("statusCode", r.statusCode());
      all &= r.status();
    }
    return SearchReply.json(all ? 200 : 207, out);
  }

  SearchReply lookup(String key) {
    String select = ctx.call().param("$select");
    List<String> fields =
        select == null || select.equals("*") ? List.of() : SearchQuery.split(select);
    ObjectNode doc =
        documents
            .lookup(key, fields)
            .orElseThrow(() -> new SearchException(404, "", "Document not found."));
    return SearchReply.json(200, doc);
  }

  /** {@code GET …/docs?search=…}: the same search, its parameters in the query string. */
  SearchReply searchGet() {
    SearchCall call = ctx.call();
    ObjectNode body = SearchReply.JSON.createObjectNode();
    Map<String, String> names =
        Map.ofEntries(
            Map.entry("search", "search"),
            Map.entry("$filter", "filter"),
            Map.entry("$select", "select"),
            Map.entry("$orderby", "orderby"),
            Map.entry("searchFields", "searchFields"),
            Map.entry("queryType", "queryType"),
            Map.entry("searchMode", "searchMode"),
            Map.entry("highlight", "highlight"),
            Map.entry("highlightPreTag", "highlightPreTag"),
            Map.entry("highlightPostTag", "highlightPostTag"),
            Map.entry("semanticConfiguration", "semanticConfiguration"),
            Map.entry("answers", "answers"),
            Map.entry("captions", "captions"));
    names.forEach(
        (param, field) -> {
          if (call.param(param) != null) {
            body.put(field, call.param(param));
          }
        });
    for (String param : List.of("$top", "$skip")) {
      if (call.param(param) != null) {
        try {
          body.put(param.substring(1), Integer.parseInt(call.param(param)));
        } catch (NumberFormatException e) {
          throw SearchException.badRequest(
              "Invalid value '"
                  + call.param(param)
                  + "' for '"
                  + param
                  + "'; expected an integer.");
        }
      }
    }
    if (call.param("$count") != null) {
      body.put("count", Boolean.parseBoolean(call.param("$count")));
    }
    if (!call.params("facet").isEmpty()) {
      ArrayNode facets = body.putArray("facets");
      call.params("facet").forEach(facets::add);
    }
    return search(SearchQuery.parse(body), body);
  }

  SearchReply search(SearchQuery query, ObjectNode request) {
    SearchResult result = documents.search(query);
    ObjectNode out = SearchReply.JSON.createObjectNode();
    String accept = ctx.call().headers().getOrDefault("accept", "");
    if (!accept.contains("odata.metadata=none")) {
      out.put("@odata.context", indexUrl() + "/$metadata#docs(*)");
    }
    result.count().ifPresent(c -> out.put("@odata.count", c));
    if (!result.facets().isEmpty()) {
      ObjectNode facets = out.putObject("@search.facets");
      result
          .facets()
          .forEach(
              (field, buckets) -> {
                ArrayNode array = facets.putArray(field);
                for (var b : buckets) {
                  ObjectNode bucket = array.addObject();
                  bucket.put("count", b.count());
                  bucket.set("value", SearchReply.JSON.valueToTree(b.value()));
                }
              });
    }
    if (query.semantic() && !query.answers().startsWith("none")) {
      ArrayNode answers = out.putArray("@search.answers");
      for (var a : result.answers()) {
        answers
            .addObject()
            .put("key", a.key())
            .put("text", a.text())
            .put("highlights", a.highlights())
            .put("score", a.score());
      }
    }
    ArrayNode value = out.putArray("value");
    for (var hit : result.hits()) {
      ObjectNode item = value.addObject();
      item.put("@search.score", hit.score());
      hit.rerankerScore().ifPresent(s -> item.put("@search.rerankerScore", s));
      if (!hit.highlights().isEmpty()) {
        ObjectNode highlights = item.putObject("@search.highlights");
        hit.highlights()
            .forEach(
                (f, fragments) -> {
                  ArrayNode array = highlights.putArray(f);
                  fragments.forEach(array::add);
                });
      }
      if (query.semantic() && !query.captions().startsWith("none")) {
        ArrayNode captions = item.putArray("@search.captions");
        for (var c : hit.captions()) {
          ObjectNode caption = captions.addObject().put("text", c.text());
          if (c.highlights() == null) {
            caption.putNull("highlights");
          } else {
            caption.put("highlights", c.highlights());
          }
        }
      }
      item.setAll(hit.document());
    }
    if (result.more()) {
      out.put(
          "@odata.nextLink", indexUrl() + "/docs/search.post.search?api-version=" + ctx.version());
      ObjectNode next = request.deepCopy();
      next.put("skip", query.skip() + query.pageSize());
      next.put("top", SearchQuery.DEFAULT_TOP);
      out.set("@search.nextPageParameters", next);
    }
    return SearchReply.json(200, out);
  }

  private String indexUrl() {
    return ctx.endpoint() + "/indexes('" + schema.name() + "')";
  }
}
