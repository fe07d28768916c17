package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.json.Json;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.VectorMath;
import dev.lazurite.search.engine.DocumentIndex;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.engine.SearchResult;
import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs an On Your Data retrieval against one of this server's search services: resolves and
 * authenticates the data source, searches with the requested query type, and applies {@code
 * strictness} and {@code top_n_documents}. A data source that is not a service of this server is
 * refused and never contacted.
 */
public final class Retriever {
  private static final double[] STRICTNESS = {0.0, 0.0, 0.1, 0.2, 0.3, 0.4};

  private final SearchServices services;
  private final Embeddings embeddings;
  private final InternalCalls calls;
  private final Predicate<String> ownHost;

  /**
   * @param embeddings for semantic ranking
   * @param calls for the question's vector, from the caller's own embeddings deployment
   * @param ownHost whether a host name is one this server answers on
   */
  public Retriever(
      SearchServices services,
      Embeddings embeddings,
      InternalCalls calls,
      Predicate<String> ownHost) {
    this.services = services;
    this.embeddings = embeddings;
    this.calls = calls;
    this.ownHost = ownHost;
  }

  /**
   * @param account the caller's account: {@code embedding_dependency} names one of its deployments
   */
  public List<Retrieved> retrieve(DataSource ds, String question, String account) {
    String service = service(ds.endpoint());
    if (ds.apiKey().isPresent() && services.authenticate(service, ds.apiKey().get()).isEmpty()) {
      throw DataSourceParser.invalid(
          "data_sources[0].parameters.authentication.key",
          "The key is not a key of the search service '" + service + "'.");
    }
    DocumentIndex index =
        services
            .indexes(service)
            .documents(ds.indexName())
            .orElseThrow(
                () ->
                    DataSourceParser.invalid(
                        "data_sources[0].parameters.index_name",
                        "The index '"
                            + ds.indexName()
                            + "' does not exist in the search service '"
                            + service
                            + "'."));
    IndexSchema schema = services.indexes(service).schema(ds.indexName()).orElseThrow();
    Mapping mapping = Mapping.of(ds.fields(), schema);
    int candidates = Math.min(50, ds.topNDocuments() * 3);
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.put("top", candidates);
    if (ds.text()) {
      request.put("search", question);
      List<String> text = new ArrayList<>(mapping.searchable());
      if (!text.isEmpty()) {
        request.put("searchFields", String.join(",", text));
      }
    }
    if (!ds.filter().isBlank()) {
      request.put("filter", ds.filter());
    }
    if (ds.semantic()) {
      request.put("queryType", "semantic");
      if (!ds.semanticConfiguration().isBlank()) {
        request.put("semanticConfiguration", ds.semanticConfiguration());
      }
    }
    if (ds.vector()) {
      if (mapping.vectors().isEmpty()) {
        throw DataSourceParser.invalid(
            "data_sources[0].parameters.query_type",
            "The index '" + ds.indexName() + "' has no vector field for a vector query.");
      }
      ArrayNode queries = request.putArray("vectorQueries");
      float[] vector =
          ds.embeddingDeployment()
              .map(d -> calls.embed(account, d, List.of(question), "on-your-data").getFirst())
              .orElse(null);
      for (String field : mapping.vectors()) {
        ObjectNode q = queries.addObject().put("fields", field).put("k", candidates);
        if (vector == null) {
          q.put("kind", "text").put("text", question);
        } else {
          ArrayNode values = q.put("kind", "vector").putArray("vector");
          for (float v : vector) {
            values.add(v);
          }
        }
      }
    }
    SearchResult result;
    try {
      result = index.search(SearchQuery.parse(request));
    } catch (SearchException e) {
      throw ApiException.invalid(
          "The search request to index '" + ds.indexName() + "' failed: " + e.getMessage(),
          "data_sources",
          "invalid_value");
    }
    return rank(ds, question, mapping, result);
  }

  private List<Retrieved> rank(
      DataSource ds, String question, Mapping mapping, SearchResult result) {
    List<Retrieved> docs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    texts.add(question);
    for (SearchResult.Hit hit : result.hits()) {
      JsonNode d = hit.document();
      String content = mapping.content(d, ds.fields().contentFieldsSeparator());
      String title = mapping.title().map(t -> d.path(t).asText("")).orElse("");
      texts.add(title + "\n" + content);
      docs.add(
          new Retrieved(
              content,
              title,
              mapping.url().map(u -> d.path(u).asText(null)).orElse(null),
              mapping.filepath().map(f -> d.path(f).asText(null)).orElse(null),
              mapping.chunkId().map(c -> d.path(c).asText("0")).orElse("0"),
              hit.score(),
              hit.rerankerScore(),
              0,
              ""));
    }
    if (docs.isEmpty()) {
      return docs;
    }
    List<float[]> vectors = embeddings.rank(texts);
    List<Retrieved> ranked = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < docs.size(); i++) {
      Retrieved r = docs.get(i);
      double relevance = VectorMath.cosine(vectors.getFirst(), vectors.get(i + 1));
      String reason = "";
      if (relevance < STRICTNESS[ds.strictness()]) {
        reason = "score";
      } else if (used >= ds.topNDocuments()) {
        reason = "rerank";
      } else {
        used++;
      }
      ranked.add(
          new Retrieved(
              r.content(),
              r.title(),
              r.url(),
              r.filepath(),
              r.chunkId(),
              r.searchScore(),
              r.rerankScore(),
              relevance,
              reason));
    }
    return ranked;
  }

  /** The service an endpoint names, if it is one of this server's; otherwise a 400. */
  String service(String endpoint) {
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw refused(endpoint);
    }
    String host = uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    Optional<String> azureShaped = azureShaped(host, path);
    if (azureShaped.isPresent()) {
      return azureShaped.get();
    }
    if (host == null || !ownHost.test(host) || !path.startsWith("/search/")) {
      throw refused(endpoint);
    }
    String name = path.substring("/search/".length());
    if (name.contains("/") || services.get(name).isEmpty()) {
      throw refused(endpoint);
    }
    return name;
  }

  /**
   * A service named the way Azure names it, {@code https://{service}.search.windows.net} or its
   * private link name {@code {service}.privatelink.search.windows.net}, which private DNS resolves
   * to the service's private endpoint: the path On Your Data takes to a locked-down service.
   */
  private Optional<String> azureShaped(String host, String path) {
    if (host == null || !path.isEmpty()) {
      return Optional.empty();
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    for (String suffix : List.of(".privatelink.search.windows.net", ".search.windows.net")) {
      if (h.endsWith(suffix)) {
        String name = h.substring(0, h.length() - suffix.length());
        return services.get(name).map(SearchService::name);
      }
    }
    return Optional.empty();
  }

  private static ApiException refused(String endpoint) {
    return DataSourceParser.invalid(
        "data_sources[0].parameters.endpoint",
        "'"
            + endpoint
            + "' is not a search service of this server. On Your Data reaches only the search"
            + " services Lazurite hosts.");
  }

  /** The index fields a retrieval reads, from {@code fields_mapping} or the usual names. */
  private record Mapping(
      Optional<String> title,
      Optional<String> url,
      Optional<String> filepath,
      Optional<String> chunkId,
      List<String> contents,
      List<String> vectors,
      List<String> searchable) {
    static Mapping of(DataSource.FieldsMapping m, IndexSchema schema) {
      Optional<String> title = m.titleField().or(() -> existing(schema, "title"));
      Optional<String> url = m.urlField().or(() -> existing(schema, "url"));
      Optional<String> filepath = m.filepathField().or(() -> existing(schema, "filepath"));
      List<String> contents = new ArrayList<>(m.contentFields());
      if (contents.isEmpty()) {
        existing(schema, "content").ifPresent(contents::add);
      }
      if (contents.isEmpty()) {
        schema.fields().stream()
            .filter(SearchField::text)
            .map(SearchField::name)
            .filter(
                n ->
                    !n.equals(title.orElse(""))
                        && !n.equals(url.orElse(""))
                        && !n.equals(filepath.orElse("")))
            .forEach(contents::add);
      }
      List<String> vectors = new ArrayList<>(m.vectorFields());
      if (vectors.isEmpty()) {
        schema.fields().stream()
            .filter(f -> f.type().vector())
            .map(SearchField::name)
            .forEach(vectors::add);
      }
      List<String> searchable = new ArrayList<>();
      title
          .filter(t -> schema.field(t).map(SearchField::text).orElse(false))
          .ifPresent(searchable::add);
      contents.stream()
          .filter(c -> schema.field(c).map(SearchField::text).orElse(false))
          .forEach(searchable::add);
      return new Mapping(
          title, url, filepath, existing(schema, "chunk_id"), contents, vectors, searchable);
    }

    private static Optional<String> existing(IndexSchema schema, String name) {
      return schema.field(name).map(SearchField::name);
    }

    String content(JsonNode doc, String separator) {
      List<String> parts = new ArrayList<>();
      for (String c : contents) {
        JsonNode v = doc.path(c);
        if (v.isTextual() && !v.asText().isBlank()) {
          parts.add(v.asText());
        }
      }
      return String.join(separator, parts);
    }
  }
}
