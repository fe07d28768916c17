package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The Files API of one resource, called on its data plane ({@code
 * /accounts/{name}/openai/v1/files}) with its key, which is read through the control plane. Uploads
 * stream from the file on disk.
 */
final class FilesClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String key;

  private FilesClient(String base, String key) {
    this.base = base;
    this.key = key;
  }

  static FilesClient of(ArmClient arm) throws IOException, InterruptedException {
    String key = arm.send("POST", arm.accountPath() + "/listKeys", null).path("key1").asText();
    return new FilesClient(
        arm.endpoint() + "/accounts/" + ArmClient.encode(arm.account()) + "/openai/v1/files", key);
  }

  JsonNode upload(Path file, String purpose, Long expiresAfterSeconds)
      throws IOException, InterruptedException {
    String boundary = "lazurite-" + UUID.randomUUID();
    var head = new StringBuilder();
    field(head, boundary, "purpose", purpose);
    if (expiresAfterSeconds != null) {
      field(head, boundary, "expires_after[anchor]", "created_at");
      field(head, boundary, "expires_after[seconds]", expiresAfterSeconds.toString());
    }
    String name = file.getFileName().toString().replace("\"", "%22");
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(name)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString(head.toString()),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
    return json(
        request("").header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
  }

  JsonNode send(String method, String path) throws IOException, InterruptedException {
    return json(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** A file's content, streamed; the caller closes it. */
  InputStream content(String id) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            request("/" + encode(id) + "/content").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      try (InputStream error = response.body()) {
        throw failure(response.statusCode(), error.readAllBytes());
      }
    }
    return response.body();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("api-key", key)
        .header("Accept", "application/json");
  }

  private JsonNode json(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 400) {
      throw failure(response.statusCode(), response.body());
    }
    return Json.parse(response.body());
  }

  private static IOException failure(int status, byte[] body) {
    JsonNode error;
    try {
      error = Json.parse(body).path("error");
    } catch (IOException | RuntimeException e) {
      error = Json.MAPPER.nullNode();
    }
    return new IOException(
        "(%s) %s"
            .formatted(error.path("code").asText("" + status), error.path("message").asText()));
  }

  private static void field(StringBuilder out, String boundary, String name, String value) {
    out.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(name)
        .append("\"\r\n\r\n")
        .append(value)
        .append("\r\n");
  }
}
