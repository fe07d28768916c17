package dev.lazurite.search.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.IndexStore;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.schema.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Azure AI Search data-plane REST API of one search service: index definitions, document
 * batches, lookup, count and search.
 */
public final class SearchApi {
  private static final Set<String> STABLE_VERSIONS =
      Set.of("2020-06-30", "2023-11-01", "2024-07-01", "2025-09-01", "2026-04-01");
  private static final Pattern PREVIEW = Pattern.compile("^20\\d\\d-\\d\\d-\\d\\d-[Pp]review$");
  private static final int MAX_BATCH = 1000;

  private final String service;
  private final IndexStore store;

  public SearchApi(String service, IndexStore store) {
    this.service = service;
    this.store = store;
  }

  /**
   * @param endpoint the service endpoint clients use, for {@code @odata.context} and paging links
   */
  public SearchReply handle(SearchCall call, String endpoint) {
    try {
      return route(call, endpoint);
    } catch (SearchException e) {
      return SearchReply.error(e);
    }
  }

  private SearchReply route(SearchCall call, String endpoint) {
    String version = call.param("api-version");
    if (version == null || version.isBlank()) {
      throw SearchException.badRequest(
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!STABLE_VERSIONS.contains(version) && !PREVIEW.matcher(version).matches()) {
      throw SearchException.badRequest(
          "Invalid or missing api-version query string parameter: '" + version + "'.");
    }
    List<String> s = SearchPaths.segments(call.path());
    String method = call.method();
    var ctx = new Context(call, endpoint, version);
    if (s.equals(List.of("servicestats")) && method.equals("GET")) {
      return admin(call, () -> ServiceViews.stats(store));
    }
    if (s.isEmpty() || !s.getFirst().equals("indexes")) {
      throw notFound();
    }
    if (s.size() == 1) {
      return switch (method) {
        case "GET" ->
            admin(call, () -> ServiceViews.list(store, ctx.endpoint(), call.param("$select")));
        case "POST" -> admin(call, () -> create(ctx));
        default -> throw methodNotAllowed();
      };
    }
    String index = s.get(1);
    if (s.size() == 2) {
      return switch (method) {
        case "GET" ->
            admin(
                call,
                () ->
                    SearchReply.json(200, ServiceViews.definition(schema(index), ctx.endpoint())));
        case "PUT" -> admin(call, () -> put(ctx, index));
        case "DELETE" -> admin(call, () -> delete(ctx, index));
        default -> throw methodNotAllowed();
      };
    }
    if (s.size() == 3 && (s.get(2).equals("search.stats") || s.get(2).equals("stats"))) {
      return admin(call, () -> ServiceViews.indexStats(documents(index).stats(), ctx.endpoint()));
    }
    if (!s.get(2).equals("docs")) {
      throw notFound();
    }
    var docs = new DocumentRoutes(documents(index), schema(index), ctx);
    if (s.size() == 3 && method.equals("GET")) {
      return reader(call, docs::searchGet);
    }
    if (s.size() == 4) {
      String op = s.get(3);
      if (method.equals("POST") && (op.equals("search.index") || op.equals("index"))) {
        return writer(call, () -> docs.index(batch(call.body())));
      }
      if (method.equals("POST") && (op.equals("search.post.search") || op.equals("search"))) {
        ObjectNode request = body(call.body());
        return reader(call, () -> docs.search(SearchQuery.parse(request), request));
      }
      if (method.equals("GET") && op.equals("$count")) {
        return reader(call, () -> SearchReply.text(Long.toString(documents(index).count())));
      }
      if (method.equals("GET")) {
        return reader(call, () -> docs.lookup(op));
      }
    }
    throw notFound();
  }

  /** What the routes of one call share. */
  record Context(SearchCall call, String endpoint, String version) {}

  private interface Work {
    SearchReply run();
  }

  private static SearchReply admin(SearchCall call, Work work) {
    if (!call.access().manage()) {
      throw forbidden();
    }
    return work.run();
  }

  private static SearchReply writer(SearchCall call, Work work) {
    if (!call.access().writeDocuments()) {
      throw forbidden();
    }
    return work.run();
  }

  private static SearchReply reader(SearchCall call, Work work) {
    if (!call.access().read()) {
      throw forbidden();
    }
    return work.run();
  }

  /** The answer to a caller whose key or roles do not allow the operation. */
  public static SearchException forbidden() {
    return new SearchException(
        403,
        "",
        "Access denied: this operation needs an admin key or a role that allows it; query keys can"
            + " only read documents.");
  }

  private SearchReply create(Context ctx) {
    IndexSchema schema = IndexSchema.parse(body(ctx.call().body()), Optional.empty(), etag());
    if (store.schema(schema.name()).isPresent()) {
      throw new SearchException(
          409,
          "ResourceNameAlreadyInUse",
          "Cannot create index '" + schema.name() + "' because it already exists.");
    }
    store.put(schema);
    return SearchReply.json(201, ServiceViews.definition(schema, ctx.endpoint()));
  }

  private SearchReply put(Context ctx, String index) {
    Optional<IndexSchema> existing = store.schema(index);
    String ifMatch = ctx.call().headers().get("if-match");
    String ifNoneMatch = ctx.call().headers().get("if-none-match");
    if ((ifMatch != null
            && (existing.isEmpty()
                || !(ifMatch.equals("*") || ifMatch.equals(existing.get().etag()))))
        || (ifNoneMatch != null
            && existing.isPresent()
            && (ifNoneMatch.equals("*") || ifNoneMatch.equals(existing.get().etag())))) {
      throw new SearchException(
          412, "", "The precondition given in one of the request headers evaluated to false.");
    }
    IndexSchema schema = IndexSchema.parse(body(ctx.call().body()), Optional.of(index), etag());
    boolean created = store.put(schema);
    String prefer = ctx.call().headers().getOrDefault("prefer", "");
    if (!created && prefer.contains("return=minimal")) {
      return SearchReply.empty(204);
    }
    return SearchReply.json(created ? 201 : 200, ServiceViews.definition(schema, ctx.endpoint()));
  }

  private SearchReply delete(Context ctx, String index) {
    String ifMatch = ctx.call().headers().get("if-match");
    Optional<IndexSchema> existing = store.schema(index);
    if (ifMatch != null
        && existing.isPresent()
        && !ifMatch.equals("*")
        && !ifMatch.equals(existing.get().etag())) {
      throw new SearchException(
          412, "", "The precondition given in one of the request headers evaluated to false.");
    }
    if (!store.delete(index)) {
      throw SearchException.indexNotFound(index, service);
    }
    return SearchReply.empty(204);
  }

  private IndexSchema schema(String index) {
    return store.schema(index).orElseThrow(() -> SearchException.indexNotFound(index, service));
  }

  private DocumentIndex documents(String index) {
    return store.documents(index).orElseThrow(() -> SearchException.indexNotFound(index, service));
  }

  private static List<ObjectNode> batch(byte[] raw) {
    JsonNode value = body(raw).path("value");
    if (!value.isArray()) {
      throw SearchException.badRequest(
          "The request is invalid. Details: actions : The 'value' property must be an array of"
              + " index actions.");
    }
    if (value.isEmpty()) {
      throw SearchException.badRequest(
          "The request is invalid. Details: actions : No indexing actions found in the request."
              + " Please include between 1 and 1000 indexing actions in your request.");
    }
    if (value.size() > MAX_BATCH) {
      throw new SearchException(
          413,
          "",
          "The request is too large: a batch holds at most 1000 actions; split it into smaller"
              + " batches.");
    }
    List<ObjectNode> actions = new ArrayList<>();
    for (JsonNode n : (ArrayNode) value) {
      if (!n.isObject()) {
        throw SearchException.badRequest(
            "The request is invalid. Details: actions : Each index action must be an object.");
      }
      actions.add((ObjectNode) n);
    }
    return actions;
  }

  static ObjectNode body(byte[] raw) {
    if (raw.length == 0) {
      throw SearchException.badRequest(
          "The request is invalid. Details: The request body is empty.");
    }
    JsonNode node;
    try {
      node = SearchReply.JSON.readTree(raw);
    } catch (IOException e) {
      throw SearchException.badRequest(
          "The request is invalid. Details: The request body is not valid JSON.");
    }
    if (!node.isObject()) {
      throw SearchException.badRequest(
          "The request is invalid. Details: The request body must be a JSON object.");
    }
    return (ObjectNode) node;
  }

  private static String etag() {
    return "\"0x"
        + Long.toHexString(
                System.currentTimeMillis() * 1000 + (System.nanoTime() % 1000 + 1000) % 1000)
            .toUpperCase()
        + "\"";
  }

  private static SearchException notFound() {
    return new SearchException(404, "", "Resource not found.");
  }

  private static SearchException methodNotAllowed() {
    return new SearchException(405, "", "The requested method is not allowed on this resource.");
  }
}
