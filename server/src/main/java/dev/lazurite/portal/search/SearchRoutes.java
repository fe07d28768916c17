package dev.lazurite.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The search services of the subscription: each one's indexes, an index's fields and document
 * count, and a query box that runs a simple text query (top 10) through the service's own index
 * store, the same one its REST API searches.
 */
public final class SearchRoutes {
  public static final String READ = "Microsoft.Search/searchServices/read";
  public static final String QUERY = "Microsoft.Search/searchServices/indexes/read";

  /** Results the query box shows. */
  static final int TOP = 10;

  /** Fields shown for each result besides its key. */
  static final int SHOWN_FIELDS = 3;

  /** The longest query the box accepts, as Azure's simple syntax limits a query's length. */
  static final int MAX_QUERY = 1000;

  private static final int MAX_VALUE = 160;

  private final SearchServices services;
  private final String subscription;

  public SearchRoutes(SearchServices services, String subscription) {
    this.services = services;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get("/portal/search", new Access.Requires(READ), this::list),
        PortalRoute.get("/portal/search/index", new Access.Requires(QUERY), this::index));
  }

  private Reply list(PortalRequest request) {
    List<ServiceView> views = new ArrayList<>();
    for (SearchService s : services.list()) {
      if (!s.subscription().equals(subscription)) {
        continue;
      }
      var indexes = new ArrayList<ServiceView.IndexSummary>();
      for (IndexSchema schema : services.indexes(s.name()).list()) {
        long count =
            services
                .indexes(s.name())
                .documents(schema.name())
                .map(DocumentIndex::count)
                .orElse(0L);
        indexes.add(new ServiceView.IndexSummary(schema.name(), schema.fields().size(), count));
      }
      views.add(new ServiceView(s.name(), s.resourceGroup(), s.location(), s.sku(), indexes));
    }
    return Reply.page("search", Map.of("services", views));
  }

  private Reply index(PortalRequest request) {
    Optional<String> serviceName = query(request, "service");
    Optional<String> indexName = query(request, "index");
    if (serviceName.isEmpty() || indexName.isEmpty()) {
      return new Reply.Redirect("/portal/search");
    }
    SearchService service =
        services
            .get(serviceName.get())
            .filter(s -> s.subscription().equals(subscription))
            .orElseThrow(
                () -> notFound("Microsoft.Search/searchServices/" + serviceName.get(), "any"));
    var store = services.indexes(service.name());
    IndexSchema schema =
        store
            .schema(indexName.get())
            .orElseThrow(
                () ->
                    notFound(
                        "Microsoft.Search/searchServices/"
                            + service.name()
                            + "/indexes/"
                            + indexName.get(),
                        service.resourceGroup()));
    DocumentIndex documents = store.documents(schema.name()).orElseThrow();
    String text = query(request, "search").orElse("");
    var params = new HashMap<String, Object>();
    params.put("service", service.name());
    params.put("index", schema.name());
    params.put("fields", schema.fields().stream().map(FieldView::of).toList());
    params.put("documents", documents.count());
    params.put("search", text);
    params.put("searched", request.query().containsKey("search"));
    params.put("hits", List.<HitView>of());
    params.put("problem", "");
    if (request.query().containsKey("search")) {
      if (text.length() > MAX_QUERY) {
        params.put("problem", "The query is longer than " + MAX_QUERY + " characters.");
        return new Reply.Page(400, "search-index", params);
      }
      try {
        params.put("hits", search(schema, documents, text));
      } catch (SearchException e) {
        params.put("problem", e.getMessage());
        return new Reply.Page(e.status(), "search-index", params);
      }
    }
    return Reply.page("search-index", params);
  }

  private static List<HitView> search(IndexSchema schema, DocumentIndex documents, String text) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("search", text);
    body.put("queryType", "simple");
    body.put("top", TOP);
    SearchResult result = documents.search(SearchQuery.parse(body));
    String key = schema.key().name();
    List<SearchField> shown =
        schema.fields().stream()
            .filter(f -> !f.key() && f.retrievable() && !f.type().vector())
            .limit(SHOWN_FIELDS)
            .toList();
    List<HitView> hits = new ArrayList<>();
    for (SearchResult.Hit hit : result.hits()) {
      var fields = new ArrayList<HitView.Shown>();
      for (SearchField f : shown) {
        fields.add(new HitView.Shown(f.name(), value(hit.document().get(f.name()))));
      }
      hits.add(
          new HitView(
              value(hit.document().get(key)),
              fields,
              String.format(Locale.ROOT, "%.4f", hit.score())));
    }
    return hits;
  }

  private static String value(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
  }

  private static Optional<String> query(PortalRequest request, String name) {
    return Optional.ofNullable(request.query().get(name))
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static ApiException notFound(String what, String group) {
    return ApiException.of(ErrorCode.ARM_RESOURCE_NOT_FOUND, what, group);
  }
}
