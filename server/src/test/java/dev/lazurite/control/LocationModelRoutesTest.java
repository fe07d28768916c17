package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models a region offers, as {@code az cognitiveservices model list} and the SDKs read them.
 */
class LocationModelRoutesTest {
  static TestingServer server;
  static TestingHttp http;
  static String models;
  static String auth;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    models =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/providers/Microsoft.CognitiveServices/locations/swedencentral/models";
    auth = "Bearer " + server.server().adminToken();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path) {
    return http.send(method, path, null, "Authorization", auth);
  }

  static void assertArmError(TestingHttp.Result result, int status, String code) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
  }

  @Test
  void everyCatalogModelInAzuresModelShape() {
    var result = arm("GET", models + "?api-version=2024-10-01");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> values =
        StreamSupport.stream(result.json().get("value").spliterator(), false).toList();
    assertThat(values).hasSize(ModelCatalog.all().size());
    assertThat(values).allSatisfy(m -> assertThat(m.get("kind").asText()).isEqualTo("OpenAI"));
    assertThat(values).allSatisfy(m -> assertThat(m.get("skuName").asText()).isEqualTo("S0"));
    JsonNode gpt4o =
        values.stream()
            .map(m -> m.get("model"))
            .filter(m -> m.get("name").asText().equals("gpt-4o"))
            .filter(m -> m.get("version").asText().equals("2024-08-06"))
            .findFirst()
            .orElseThrow();
    assertThat(gpt4o.get("format").asText()).isEqualTo("OpenAI");
    assertThat(gpt4o.at("/capabilities/chatCompletion").asText()).isEqualTo("true");
    assertThat(gpt4o.get("skus").findValuesAsText("name")).contains("GlobalStandard");
  }

  @Test
  void refusesBadVersionsMethodsAndCallers() {
    assertArmError(arm("GET", models), 400, "MissingApiVersionParameter");
    assertArmError(arm("GET", models + "?api-version=v1"), 400, "InvalidApiVersionParameter");
    assertArmError(arm("PUT", models + "?api-version=2024-10-01"), 405, "MethodNotAllowed");
    assertArmError(
        http.send("GET", models + "?api-version=2024-10-01", null), 401, "AuthenticationFailed");
    assertArmError(
        http.send("GET", models + "?api-version=2024-10-01", null, "Authorization", "Bearer x.y.z"),
        401,
        "InvalidAuthenticationToken");
    var principal = server.server().identities().createServicePrincipal("no-role");
    String token =
        server
            .server()
            .identities()
            .tokenFor(
                dev.lazurite.identity.Audiences.MANAGEMENT,
                principal.principal().objectId(),
                principal.principal().appId())
            .accessToken();
    assertArmError(
        http.send(
            "GET", models + "?api-version=2024-10-01", null, "Authorization", "Bearer " + token),
        403,
        "AuthorizationFailed");
  }
}
