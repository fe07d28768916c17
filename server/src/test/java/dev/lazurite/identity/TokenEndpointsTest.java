package dev.lazurite.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token endpoint answers a body or credential that does not decode as Entra does. */
class TokenEndpointsTest {
  static TestingServer server;
  static String tokenPath;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    tokenPath = "/" + server.server().identities().issuer().tenantId() + "/oauth2/v2.0/token";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertMalformed(TestingHttp.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.header("content-type")).startsWith("application/json");
    JsonNode body = result.json();
    assertThat(body.get("error").asText()).isEqualTo("invalid_request");
    assertThat(body.get("error_description").asText())
        .startsWith("AADSTS9002313: Invalid request. Request is malformed or invalid.");
    assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(9002313);
  }

  @Test
  void refusesAFormBodyThatIsNotValidPercentEncoding() {
    var http = new TestingHttp(server.endpoint(), "");
    assertMalformed(http.sendForm(tokenPath, "grant_type=%ZZ"));
    assertMalformed(http.sendForm(tokenPath, "grant_type=client_credentials&client_id=%"));
  }

  @Test
  void refusesABasicCredentialThatDoesNotDecode() {
    var http = new TestingHttp(server.endpoint(), "");
    var result =
        http.send(
            "POST",
            tokenPath,
            "grant_type=client_credentials&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Authorization",
            "Basic !!!not-base64!!!");
    assertMalformed(result);
  }
}
