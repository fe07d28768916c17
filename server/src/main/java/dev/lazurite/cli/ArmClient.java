package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The command line's client of the ARM-shaped control plane. */
final class ArmClient {
  static final String API_VERSION = "2024-10-01";

  private final String endpoint;
  private final String token;
  private final String subscription;
  private final String resourceGroup;
  private final String account;
  private final HttpClient http = HttpClient.newHttpClient();

  ArmClient(
      String endpoint, String token, String subscription, String resourceGroup, String account) {
    if (endpoint == null || subscription == null) {
      throw new IllegalArgumentException(
          "the server's endpoint and subscription are unknown; pass --endpoint and --subscription");
    }
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.token = token;
    this.subscription = subscription;
    this.resourceGroup = resourceGroup;
    this.account = account;
  }

  /** The server's base URL. */
  String endpoint() {
    return endpoint;
  }

  /** The resource (account) the command is about. */
  String account() {
    return account;
  }

  String accountPath() {
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts/%s"
        .formatted(subscription, encode(resourceGroup), encode(account));
  }

  String resourceGroupPath() {
    return "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.CognitiveServices/accounts"
        .formatted(subscription, resourceGroup);
  }

  /** The resource group the command is about. */
  String groupPath() {
    return groupPath(resourceGroup);
  }

  /** A resource group of the subscription, or all of them when {@code name} is null. */
  String groupPath(String name) {
    String base = "/subscriptions/%s/resourcegroups".formatted(subscription);
    return name == null ? base : base + "/" + encode(name);
  }

  /** The subscription itself. */
  String subscriptionPath() {
    return "/subscriptions/" + subscription;
  }

  /** Every resource of the subscription. */
  String subscriptionAccountsPath() {
    return "/subscriptions/%s/providers/Microsoft.CognitiveServices/accounts"
        .formatted(subscription);
  }

  /** A search service, or the search services of the resource group when {@code name} is null. */
  String searchPath(String name) {
    String base =
        "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Search/searchServices"
            .formatted(subscription, resourceGroup);
    return name == null ? base : base + "/" + encode(name);
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether {@code HEAD path} finds the resource (204) rather than not (404). */
  boolean exists(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + path + "?api-version=" + API_VERSION))
            .header("Authorization", "Bearer " + token)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 204 && status != 200 && status != 404) {
      throw new IOException("(" + status + ") the server could not tell whether it exists");
    }
    return status != 404;
  }

  /** GETs a path and returns its body as text (JSON lines), or throws with the error's message. */
  String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      JsonNode error = Json.parse(response.body().getBytes(StandardCharsets.UTF_8)).path("error");
      throw new IOException(
          "(%s) %s".formatted(error.path("code").asText(), error.path("message").asText()));
    }
    return response.body();
  }

  /** Sends a request; returns the JSON answer, or throws with ARM's error message. */
  JsonNode send(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    String separator = path.contains("?") ? "&" : "?";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(endpoint + path + separator + "api-version=" + API_VERSION))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer =
        response.body().length == 0 ? Json.MAPPER.nullNode() : Json.parse(response.body());
    if (response.statusCode() >= 400) {
      JsonNode error = answer.path("error");
      throw new IOException(
          "(%s) %s"
              .formatted(
                  error.path("code").asText("" + response.statusCode()),
                  error.path("message").asText()));
    }
    return answer;
  }
}
