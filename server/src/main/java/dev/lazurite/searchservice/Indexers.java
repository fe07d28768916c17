package dev.lazurite.searchservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.ingest.Chunker;
import dev.lazurite.ingest.DocumentParser;
import dev.lazurite.ingest.DocumentSource;
import dev.lazurite.ingest.Ingestor;
import dev.lazurite.ingest.LocalIngestTransport;
import dev.lazurite.ingest.SearchIngestTarget;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.http.SearchCall;
import dev.lazurite.search.http.SearchPaths;
import dev.lazurite.search.http.SearchReply;
import dev.lazurite.store.SecretBox;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Data sources and indexers of the search services: a data source names a folder under the
 * ingestion root or a Blob Storage container ({@link DataSources}); an indexer crawls it into an
 * index (parse, chunk, embed, upload) when created and on {@code search.run}, in the background,
 * and reports on {@code search.status}.
 */
public final class Indexers {
  private static final Pattern NAME =
      Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,126}[A-Za-z0-9])?$");

  /** How many runs {@code search.status} keeps per indexer. */
  private static final int HISTORY = 50;

  private final SearchServices services;
  private final Path root;
  private final DataSources dataSources;
  private final Embeddings embeddings;
  private final TokenCounter tokens;
  private final Clock clock;
  private final Map<String, List<IndexerRun>> history = new ConcurrentHashMap<>();
  private final Map<String, Boolean> resets = new ConcurrentHashMap<>();

  /**
   * @param root where each service keeps its definitions ({@code <root>/<service>/_config})
   * @param ingestRoot the only folder tree data sources may name
   * @param outbound where Blob data sources may point
   * @param secrets seals data sources' connection strings at rest
   */
  public Indexers(
      SearchServices services,
      Path root,
      Path ingestRoot,
      OutboundPolicy outbound,
      SecretBox secrets,
      Embeddings embeddings,
      TokenCounter tokens,
      Clock clock) {
    this.services = services;
    this.root = root;
    this.dataSources = new DataSources(ingestRoot, outbound, secrets);
    this.embeddings = embeddings;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Whether a path (below the service endpoint) is one of these routes. */
  public static boolean handles(String path) {
    List<String> s = SearchPaths.segments(path);
    return !s.isEmpty() && (s.getFirst().equals("datasources") || s.getFirst().equals("indexers"));
  }

  public SearchReply handle(String service, SearchCall call, String endpoint) {
    try {
      if (!call.access().manage()) {
        throw dev.lazurite.search.http.SearchApi.forbidden();
      }
      if (call.param("api-version") == null) {
        throw SearchException.badRequest(
            "The api-version query parameter (?api-version=) is required for all requests.");
      }
      List<String> s = SearchPaths.segments(call.path());
      String kind = s.getFirst();
      String method = call.method();
      if (s.size() == 1) {
        return switch (method) {
          case "GET" -> list(service, kind, endpoint);
          case "POST" -> put(service, kind, null, call.body(), endpoint);
          default ->
              throw new SearchException(
                  405, "", "The requested method is not allowed on this resource.");
        };
      }
      String name = s.get(1);
      if (s.size() == 2) {
        return switch (method) {
          case "GET" -> SearchReply.json(200, view(read(service, kind, name), endpoint, kind));
          case "PUT" -> put(service, kind, name, call.body(), endpoint);
          case "DELETE" -> delete(service, kind, name);
          default ->
              throw new SearchException(
                  405, "", "The requested method is not allowed on this resource.");
        };
      }
      if (kind.equals("indexers") && s.size() == 3) {
        ObjectNode indexer = read(service, kind, name);
        return switch (s.get(2)) {
          case "search.run", "run" -> {
            start(service, indexer);
            yield SearchReply.empty(202);
          }
          case "search.reset", "reset" -> {
            resets.put(key(service, name), true);
            record(service, name, IndexerRun.reset(clock.instant()));
            yield SearchReply.empty(204);
          }
          case "search.status", "status" -> SearchReply.json(200, status(service, name, endpoint));
          default -> throw new SearchException(404, "", "Resource not found.");
        };
      }
      throw new SearchException(404, "", "Resource not found.");
    } catch (SearchException e) {
      return SearchReply.error(e);
    }
  }

  private SearchReply put(
      String service, String kind, String urlName, byte[] raw, String endpoint) {
    ObjectNode body = parse(raw);
    String name = body.path("name").asText(urlName == null ? "" : urlName);
    if (urlName != null && !name.equals(urlName)) {
      throw SearchException.badRequest(
          "The name '" + name + "' in the body does not match '" + urlName + "'.");
    }
    if (!NAME.matcher(name).matches()) {
      throw SearchException.badRequest(
          "Invalid name '" + name + "': use letters, digits, dashes and underscores.");
    }
    body.put("name", name);
    if (kind.equals("datasources")) {
      Path stored = file(service, kind, name);
      dataSources.validate(
          body, Files.exists(stored) ? Optional.of(read(service, kind, name)) : Optional.empty());
    } else {
      validateIndexer(service, body);
    }
    Path file = file(service, kind, name);
    boolean created = !Files.exists(file);
    if (urlName == null && !created) {
      throw new SearchException(409, "", "Cannot create '" + name + "' because it already exists.");
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(name + ".tmp");
      Files.write(tmp, Json.write(body));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (kind.equals("indexers") && !body.path("disabled").asBoolean(false)) {
      start(service, body);
    }
    return SearchReply.json(created ? 201 : 200, view(body, endpoint, kind));
  }

  private void validateIndexer(String service, ObjectNode body) {
    String source = body.path("dataSourceName").asText("");
    if (!Files.exists(file(service, "datasources", source))) {
      throw SearchException.badRequest("The data source '" + source + "' does not exist.");
    }
    String index = body.path("targetIndexName").asText("");
    if (!index.matches("^[a-z0-9](?:[a-z0-9]|-(?!-)){0,127}$")) {
      throw SearchException.badRequest("Invalid 'targetIndexName': '" + index + "'.");
    }
  }

  private void start(String service, ObjectNode indexer) {
    String name = indexer.path("name").asText();
    String key = key(service, name);
    // Before the run is recorded, so a data source that cannot be used leaves none in progress.
    DocumentSource source =
        dataSources.open(read(service, "datasources", indexer.path("dataSourceName").asText()));
    List<IndexerRun> runs = history.computeIfAbsent(key, k -> new ArrayList<>());
    synchronized (runs) {
      if (!runs.isEmpty() && runs.getLast().status().equals("inProgress")) {
        throw new SearchException(
            409,
            "",
            "Another indexer invocation is currently in progress; concurrent invocations are not allowed.");
      }
      runs.add(IndexerRun.started(clock.instant()));
      if (runs.size() > HISTORY) {
        runs.removeFirst();
      }
    }
    boolean everything = Boolean.TRUE.equals(resets.remove(key));
    String deployment =
        indexer
            .path("parameters")
            .path("configuration")
            .path("embeddingDeployment")
            .asText("all-minilm-l6-v2");
    String index = indexer.path("targetIndexName").asText();
    Thread.ofVirtual()
        .name("indexer-" + name)
        .start(
            () -> {
              IndexerRun run = runs.getLast();
              try {
                var target =
                    new SearchIngestTarget(
                        new LocalIngestTransport(services.api(service), embeddings),
                        index,
                        deployment);
                int dimensions =
                    embeddings.embed("", deployment, List.of("dimensions")).getFirst().length;
                var ingestor = new Ingestor(new DocumentParser(), new Chunker(tokens, 256, 32));
                var report = ingestor.run(source, target, dimensions, NO_PROGRESS, everything);
                replaceLast(runs, run.finished(report, clock.instant()));
              } catch (IOException | RuntimeException e) {
                replaceLast(runs, run.failed(e.getMessage(), clock.instant()));
              }
            });
  }

  private static final Ingestor.Progress NO_PROGRESS =
      new Ingestor.Progress() {
        @Override
        public void start(int files) {}

        @Override
        public void step(String file) {}
      };

  private static void replaceLast(List<IndexerRun> runs, IndexerRun run) {
    synchronized (runs) {
      runs.set(runs.size() - 1, run);
    }
  }

  private void record(String service, String name, IndexerRun run) {
    List<IndexerRun> runs = history.computeIfAbsent(key(service, name), k -> new ArrayList<>());
    synchronized (runs) {
      runs.add(run);
    }
  }

  private ObjectNode status(String service, String name, String endpoint) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put(
        "@odata.context",
        endpoint + "/$metadata#Microsoft.Azure.Search.V2024_07_01.IndexerExecutionInfo");
    out.put("name", name);
    out.put("status", "running");
    List<IndexerRun> runs = history.getOrDefault(key(service, name), List.of());
    List<IndexerRun> copy;
    synchronized (runs) {
      copy = new ArrayList<>(runs);
    }
    if (copy.isEmpty()) {
      out.putNull("lastResult");
    } else {
      out.set("lastResult", copy.getLast().json());
    }
    ArrayNode executions = out.putArray("executionHistory");
    for (int i = copy.size() - 1; i >= 0; i--) {
      executions.add(copy.get(i).json());
    }
    out.putObject("limits")
        .put("maxRunTime", "PT2H")
        .put("maxDocumentExtractionSize", 268435456)
        .put("maxDocumentContentCharactersToExtract", 20000000);
    return out;
  }

  private SearchReply list(String service, String kind, String endpoint) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("@odata.context", endpoint + "/$metadata#" + kind);
    ArrayNode value = out.putArray("value");
    Path dir = root.resolve(service).resolve("_config").resolve(kind);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          value.add(view(Json.read(Files.readString(f), ObjectNode.class), endpoint, kind));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return SearchReply.json(200, out);
  }

  private SearchReply delete(String service, String kind, String name) {
    try {
      if (!Files.deleteIfExists(file(service, kind, name))) {
        throw new SearchException(
            404,
            "",
            "No " + kind.substring(0, kind.length() - 1) + " named '" + name + "' was found.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    history.remove(key(service, name));
    return SearchReply.empty(204);
  }

  private ObjectNode read(String service, String kind, String name) {
    Path file = file(service, kind, name);
    if (!Files.exists(file)) {
      throw new SearchException(
          404,
          "",
          "No " + kind.substring(0, kind.length() - 1) + " named '" + name + "' was found.");
    }
    try {
      return Json.read(Files.readString(file), ObjectNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode view(ObjectNode body, String endpoint, String kind) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("@odata.context", endpoint + "/$metadata#" + kind + "/$entity");
    out.setAll(kind.equals("datasources") ? DataSources.shown(body) : body);
    return out;
  }

  private Path file(String service, String kind, String name) {
    if (!NAME.matcher(name).matches()) {
      throw SearchException.badRequest("Invalid name '" + name + "'.");
    }
    return root.resolve(service).resolve("_config").resolve(kind).resolve(name + ".json");
  }

  private static String key(String service, String name) {
    return service + "/" + name;
  }

  private static ObjectNode parse(byte[] raw) {
    try {
      JsonNode node = Json.MAPPER.readTree(raw);
      if (node == null || !node.isObject()) {
        throw SearchException.badRequest(
            "The request is invalid. Details: The request body must be a JSON object.");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw SearchException.badRequest(
          "The request is invalid. Details: The request body is not valid JSON.");
    }
  }
}
