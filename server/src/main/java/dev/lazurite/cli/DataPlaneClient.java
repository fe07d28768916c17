package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The command line's client of a resource's data plane: its {@code /openai/} routes, with the
 * resource's key, as an SDK would call them.
 */
final class DataPlaneClient {
  static final String API_VERSION = "2024-10-21";

  private final String endpoint;
  private final String key;
  private final HttpClient http = HttpClient.newHttpClient();

  DataPlaneClient(String endpoint, String key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  /** The data plane of the command's resource, with key1 read through the control plane. */
  static DataPlaneClient of(ArmClient arm) throws IOException, InterruptedException {
    JsonNode keys = arm.send("POST", arm.accountPath() + "/listKeys", null);
    return new DataPlaneClient(arm.endpoint(), keys.path("key1").asText());
  }

  /** Sends a request under {@code /openai/}; returns the JSON answer or throws with its error. */
  JsonNode send(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response = open(method, path, body);
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readAllBytes();
    }
    JsonNode answer = bytes.length == 0 ? Json.MAPPER.nullNode() : Json.parse(bytes);
    if (response.statusCode() >= 400) {
      JsonNode error = answer.path("error");
      throw new IOException(
          "(%s) %s"
              .formatted(
                  error.path("code").asText(error.path("type").asText("" + response.statusCode())),
                  error.path("message").asText()));
    }
    return answer;
  }

  /** Sends a request and returns the answer's body as a stream (file contents). */
  InputStream download(String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = open("GET", path, null);
    if (response.statusCode() >= 400) {
      response.body().close();
      throw new IOException("(" + response.statusCode() + ") " + path + " could not be read");
    }
    return response.body();
  }

  private HttpResponse<InputStream> open(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    String separator = path.contains("?") ? "&" : "?";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(endpoint + "/openai/" + path + separator + "api-version=" + API_VERSION))
            .header("api-key", key);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }
}
