package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Ingestion over the public APIs, as any client: a search admin key and an account key. */
public final class HttpIngestTransport implements IngestTransport {
  private static final String SEARCH_VERSION = "2024-07-01";
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final String service;
  private final String searchKey;
  private final String accountKey;

  /**
   * @param endpoint the server's base URL
   */
  public HttpIngestTransport(String endpoint, String service, String searchKey, String accountKey) {
    this.endpoint = endpoint.replaceAll("/+$", "");
    this.service = service;
    this.searchKey = searchKey;
    this.accountKey = accountKey;
  }

  @Override
  public Reply search(String method, String path, JsonNode body) throws IOException {
    return send(
        method,
        endpoint + "/search/" + service + path + "?api-version=" + SEARCH_VERSION,
        searchKey,
        body);
  }

  @Override
  public List<float[]> embed(String deployment, List<String> texts) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    var input = body.putArray("input");
    texts.forEach(input::add);
    Reply r =
        send(
            "POST",
            endpoint
                + "/openai/deployments/"
                + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                + "/embeddings?api-version=2024-10-21",
            accountKey,
            body);
    if (r.status() != 200) {
      throw new IOException(
          "could not embed with '"
              + deployment
              + "' ("
              + r.status()
              + "): "
              + new String(r.body(), StandardCharsets.UTF_8));
    }
    return dev.lazurite.api.embeddings.Vectors.fromData(Json.parse(r.body()).path("data"));
  }

  private Reply send(String method, String url, String key, JsonNode body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("api-key", key);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    }
    try {
      HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
