package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.http.SearchApi;
import dev.lazurite.search.http.SearchCall;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Ingestion inside the server, for indexers: the service's API and deployments in-process. */
public final class LocalIngestTransport implements IngestTransport {
  private final SearchApi api;
  private final Embeddings embeddings;

  public LocalIngestTransport(SearchApi api, Embeddings embeddings) {
    this.api = api;
    this.embeddings = embeddings;
  }

  @Override
  public Reply search(String method, String path, JsonNode body) {
    var call =
        new SearchCall(
            method,
            path,
            Map.of("api-version", List.of("2024-07-01")),
            Map.of(),
            body == null ? new byte[0] : Json.write(body),
            SearchCall.Access.ADMIN);
    var reply = api.handle(call, "");
    return new Reply(reply.status(), reply.body());
  }

  @Override
  public List<float[]> embed(String deployment, List<String> texts) throws IOException {
    try {
      // Ingestion embeds with the default account's deployments, as an internal caller.
      return embeddings.embed("", deployment, texts);
    } catch (SearchException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
