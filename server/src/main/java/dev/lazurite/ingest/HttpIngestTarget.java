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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests through the public APIs, as any client would: the search service's REST API with an admin
 * key, and the embeddings deployment with an account key.
 */
public final class HttpIngestTarget implements IngestTarget {
  private static final String SEARCH_VERSION = "2024-07-01";
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final String service;
  private final String index;
  private final String searchKey;
  private final String deployment;
  private final String accountKey;

  /**
   * @param endpoint the server's base URL
   */
  public HttpIngestTarget(
      String endpoint,
      String service,
      String index,
      String searchKey,
      String deployment,
      String accountKey) {
    this.endpoint = endpoint.replaceAll("/+$", "");
    this.service = service;
    this.index = index;
    this.searchKey = searchKey;
    this.deployment = deployment;
    this.accountKey = accountKey;
  }

  @Override
  public void ensureIndex(int dimensions) throws IOException {
    var existing = search("GET", "/indexes/" + index, null);
    if (existing.statusCode() == 200) {
      return;
    }
    var created =
        search("POST", "/indexes", IngestSchema.definition(index, deployment, dimensions));
    check(created, "create the index");
  }

  @Override
  public Map<String, String> fileHashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    for (int skip = 0; ; skip += 1000) {
      ObjectNode q = Json.MAPPER.createObjectNode();
      q.put("search", "*").put("filter", "chunk_id eq '0'").put("select", "filepath,content_hash");
      q.put("top", 1000).put("skip", skip);
      var r = search("POST", "/indexes/" + index + "/docs/search", q);
      check(r, "list the indexed files");
      JsonNode value = Json.parse(r.body()).path("value");
      value.forEach(d -> hashes.put(d.path("filepath").asText(), d.path("content_hash").asText()));
      if (value.size() < 1000 || skip >= 100_000) {
        return hashes;
      }
    }
  }

  @Override
  public void deleteFile(String filepath) throws IOException {
    while (true) {
      ObjectNode q = Json.MAPPER.createObjectNode();
      q.put("search", "*").put("filter", "filepath eq '" + filepath.replace("'", "''") + "'");
      q.put("select", "id").put("top", 1000);
      var r = search("POST", "/indexes/" + index + "/docs/search", q);
      check(r, "find the chunks of " + filepath);
      JsonNode value = Json.parse(r.body()).path("value");
      if (value.isEmpty()) {
        return;
      }
      ObjectNode batch = Json.MAPPER.createObjectNode();
      var actions = batch.putArray("value");
      value.forEach(
          d ->
              actions.addObject().put("@search.action", "delete").put("id", d.path("id").asText()));
      check(
          search("POST", "/indexes/" + index + "/docs/index", batch),
          "delete the chunks of " + filepath);
    }
  }

  @Override
  public void upload(List<ObjectNode> chunks) throws IOException {
    ObjectNode batch = Json.MAPPER.createObjectNode();
    batch.putArray("value").addAll(chunks);
    var r = search("POST", "/indexes/" + index + "/docs/index", batch);
    if (r.statusCode() == 207) {
      throw new IOException(
          "some chunks were not stored: " + new String(r.body(), StandardCharsets.UTF_8));
    }
    check(r, "upload chunks");
  }

  @Override
  public List<float[]> embed(List<String> texts) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    var input = body.putArray("input");
    texts.forEach(input::add);
    var r =
        send(
            "POST",
            endpoint
                + "/openai/deployments/"
                + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                + "/embeddings?api-version=2024-10-21",
            accountKey,
            body);
    check(r, "embed chunks with '" + deployment + "'");
    List<float[]> out = new java.util.ArrayList<>();
    for (JsonNode item : Json.parse(r.body()).path("data")) {
      JsonNode e = item.path("embedding");
      float[] v = new float[e.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) e.get(i).asDouble();
      }
      out.add(v);
    }
    return out;
  }

  private HttpResponse<byte[]> search(String method, String path, JsonNode body)
      throws IOException {
    return send(
        method,
        endpoint + "/search/" + service + path + "?api-version=" + SEARCH_VERSION,
        searchKey,
        body);
  }

  private HttpResponse<byte[]> send(String method, String url, String key, JsonNode body)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("api-key", key);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void check(HttpResponse<byte[]> r, String what) throws IOException {
    if (r.statusCode() >= 300) {
      String text = new String(r.body(), StandardCharsets.UTF_8);
      String message =
          text.strip().startsWith("{")
              ? Json.parse(r.body()).path("error").path("message").asText(text)
              : text;
      throw new IOException("could not " + what + " (" + r.statusCode() + "): " + message);
    }
  }
}
