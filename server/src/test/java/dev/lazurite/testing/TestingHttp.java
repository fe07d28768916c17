package dev.lazurite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Raw HTTP calls to a server, for asserting exact status codes, headers and bodies. */
public final class TestingHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String endpoint;
  private final String key;

  public TestingHttp(String endpoint, String key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  public record Result(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return Json.parse(body.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of("")).getFirst();
    }

    /** The events without the content filter's first event (the prompt's annotations). */
    public List<JsonNode> chunks() {
      return events().stream().filter(e -> !e.has("prompt_filter_results")).toList();
    }

    /** The JSON payloads of an SSE body, without the final [DONE]. */
    public List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
          try {
            events.add(Json.parse(line.substring(6).getBytes(StandardCharsets.UTF_8)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return events;
    }
  }

  /** POST with the account's key in {@code api-key}. */
  public Result post(String path, String json) {
    return send("POST", path, json, "api-key", key);
  }

  /** POST an {@code application/x-www-form-urlencoded} body, as token clients do. */
  public Result sendForm(String path, String form) {
    return send("POST", path, form, "Content-Type", "application/x-www-form-urlencoded");
  }

  public Result send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
