package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The identity handlers read whole bodies up to the one configured limit, and answer 413 over it.
 */
class OneBodyLimitTest {
  private static HttpResponse<String> createGroup(TestingServer server, String padding)
      throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(server.endpoint() + "/lazurite/identity/groups"))
              .header("Authorization", "Bearer " + server.server().adminToken())
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"displayName\":\"readers\",\"padding\":\"" + padding + "\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void readsIdentityBodiesOver64KibWholeInsteadOfTruncating() throws Exception {
    try (var server = TestingServer.start()) {
      var response = createGroup(server, "g".repeat(80 * 1024));
      assertThat(response.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void answersIdentityBodiesOverTheLimitWith413() throws Exception {
    try (var server = TestingServer.start(c -> c.withMaxBodyBytes(64 * 1024))) {
      var response = createGroup(server, "g".repeat(80 * 1024));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.body()).startsWith("{\"error\":{\"code\":\"RequestEntityTooLarge\"");
      assertThat(response.headers().firstValue("connection")).hasValue("close");
    }
  }

  @Test
  void answersTokenRequestsOverTheLimitWith413InEntrasShape() throws Exception {
    try (var server = TestingServer.start(c -> c.withMaxBodyBytes(64 * 1024));
        HttpClient client = HttpClient.newHttpClient()) {
      var response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          server.endpoint()
                              + "/"
                              + server.server().identities().issuer().tenantId()
                              + "/oauth2/v2.0/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&x=" + "a".repeat(80 * 1024)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.body()).contains("\"error\":\"invalid_request\"", "error_description");
    }
  }
}
