package dev.lazurite.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests into an index through the search service's REST API and an embeddings deployment, over a
 * {@link IngestTransport}: HTTP for the command line, in-process for indexers.
 */
public final class SearchIngestTarget implements IngestTarget {
  private final IngestTransport transport;
  private final String index;
  private final String deployment;

  public SearchIngestTarget(IngestTransport transport, String index, String deployment) {
    this.transport = transport;
    this.index = index;
    this.deployment = deployment;
  }

  @Override
  public void ensureIndex(int dimensions) throws IOException {
    var existing = search("GET", "/indexes/" + index, null);
    if (existing.status() == 200) {
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
  public Map<String, Integer> chunkCounts() throws IOException {
    ObjectNode q = Json.MAPPER.createObjectNode();
    q.put("search", "*").put("top", 0).putArray("facets").add("filepath,count:1000000");
    var r = search("POST", "/indexes/" + index + "/docs/search", q);
    check(r, "count the chunks per file");
    Map<String, Integer> counts = new HashMap<>();
    Json.parse(r.body())
        .path("@search.facets")
        .path("filepath")
        .forEach(b -> counts.put(b.path("value").asText(), b.path("count").asInt()));
    return counts;
  }

  private static String byPath(String filepath) {
    return "filepath eq '" + filepath.replace("'", "''") + "'";
  }

  @Override
  public void deleteFile(String filepath) throws IOException {
    while (true) {
      ObjectNode q = Json.MAPPER.createObjectNode();
      q.put("search", "*").put("filter", byPath(filepath));
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
    if (r.status() == 207) {
      throw new IOException(
          "some chunks were not stored: " + new String(r.body(), StandardCharsets.UTF_8));
    }
    check(r, "upload chunks");
  }

  @Override
  public List<float[]> embed(List<String> texts) throws IOException {
    return transport.embed(deployment, texts);
  }

  private IngestTransport.Reply search(String method, String path, JsonNode body)
      throws IOException {
    return transport.search(method, path, body);
  }

  private static void check(IngestTransport.Reply r, String what) throws IOException {
    if (r.status() >= 300) {
      String text = new String(r.body(), StandardCharsets.UTF_8);
      String message =
          text.strip().startsWith("{")
              ? Json.parse(r.body()).path("error").path("message").asText(text)
              : text;
      throw new IOException("could not " + what + " (" + r.status() + "): " + message);
    }
  }
}
