package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ARM-shaped control plane: shapes, status codes and ARM's error envelope. */
class ArmApiTest {
  static TestingServer server;
  static TestingHttp http;
  static String account;
  static String auth;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    account =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
    auth = "Bearer " + server.server().adminToken();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return http.send(method, path, body, "Authorization", auth);
  }

  @Test
  void rejectsMissingAndWrongCredentials() {
    var missing = http.send("GET", account + "?api-version=2024-10-01", null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"AuthenticationFailed\",\"message\":\"Authentication failed. The 'Authorization' header is missing.\"}}");
    var wrong =
        http.send("GET", account + "?api-version=2024-10-01", null, "Authorization", "Bearer nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
    var dataPlaneKey =
        http.send(
            "GET",
            account + "?api-version=2024-10-01",
            null,
            "Authorization",
            "Bearer " + server.key());
    assertThat(dataPlaneKey.status())
        .as("an API key is not a control-plane credential")
        .isEqualTo(401);
  }

  @Test
  void requiresAnApiVersion() {
    var result = arm("GET", account, null);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("MissingApiVersionParameter");
  }

  @Test
  void showsTheAccountAsArmDoes() {
    var result = arm("GET", account + "?api-version=2024-10-01", null);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("type").asText())
        .isEqualTo("Microsoft.CognitiveServices/accounts");
    assertThat(result.json().get("kind").asText()).isEqualTo("OpenAI");
    assertThat(result.json().at("/properties/endpoint").asText()).startsWith("https://localhost:");
    assertThat(result.json().get("id").asText()).isEqualTo(account);
  }

  @Test
  void createsAccountsWith201AndListsKeys() {
    String path = account.replace("/accounts/lazurite", "/accounts/team-b");
    var created =
        arm(
            "PUT",
            path + "?api-version=2024-10-01",
            "{\"kind\":\"OpenAI\",\"sku\":{\"name\":\"S0\"},\"location\":\"swedencentral\",\"properties\":{}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            arm("PUT", path + "?api-version=2024-10-01", "{\"location\":\"swedencentral\"}")
                .status())
        .isEqualTo(200);
    var keys = arm("POST", path + "/listKeys?api-version=2024-10-01", null);
    assertThat(keys.json().get("key1").asText()).matches("[0-9a-f]{32}");
    var chat =
        http.send(
            "POST",
            "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "api-key",
            keys.json().get("key1").asText());
    assertThat(chat.status())
        .as("a key of another resource does not reach this resource's deployments")
        .isEqualTo(404);
    assertThat(chat.header("x-ms-region")).isEqualTo("Sweden Central");
    assertThat(arm("DELETE", path + "?api-version=2024-10-01", null).status()).isEqualTo(200);
    assertThat(arm("GET", path + "?api-version=2024-10-01", null).json().at("/error/code").asText())
        .isEqualTo("ResourceNotFound");
  }

  @Test
  void acceptsAzsDeploymentBodyAndLegacyScaleSettings() {
    var az =
        arm(
            "PUT",
            account + "/deployments/mock-deployment?api-version=2026-05-15-preview",
            "{\"sku\": {\"name\": \"Standard\", \"capacity\": 1}, \"properties\": {\"model\": {\"format\": \"OpenAI\", \"name\": \"gpt-35-turbo\", \"version\": \"0125\"}}}");
    assertThat(az.status()).isEqualTo(201);
    assertThat(az.json().at("/properties/rateLimits/0/key").asText()).isEqualTo("request");
    assertThat(az.json().at("/properties/versionUpgradeOption").asText())
        .isEqualTo("OnceNewDefaultVersionAvailable");
    var legacy =
        arm(
            "PUT",
            account + "/deployments/legacy?api-version=2022-12-01",
            "{\"properties\": {\"model\": {\"format\": \"OpenAI\", \"name\": \"gpt-4o\"}, \"scaleSettings\": {\"scaleType\": \"Standard\", \"capacity\": 7}}}");
    assertThat(legacy.status()).isEqualTo(201);
    assertThat(legacy.json().at("/sku/capacity").asInt()).isEqualTo(7);
    assertThat(legacy.json().at("/properties/model/version").asText()).isEqualTo("2024-11-20");
  }

  @Test
  void rejectsBadDeploymentsWithArmErrorsAndChangesNothing() {
    String path = account + "/deployments/bad?api-version=2024-10-01";
    assertThat(arm("PUT", path, "{\"sku\":").json().at("/error/code").asText())
        .isEqualTo("InvalidRequestContent");
    assertThat(arm("PUT", path, "[]").json().at("/error/code").asText())
        .isEqualTo("InvalidRequestContent");
    assertThat(arm("PUT", path, "{\"properties\":{}}").json().at("/error/message").asText())
        .contains("properties.model.name is required");
    assertThat(
            arm("PUT", path, "{\"properties\":{\"model\":{\"name\":\"gpt-99\"}}}")
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("DeploymentModelNotSupported");
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"sku\":{\"name\":\"Gold\"},\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}")
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("InvalidRequestContent");
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"sku\":{\"capacity\":\"lots\"},\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}")
                .json()
                .at("/error/message")
                .asText())
        .contains("must be an integer");
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"sku\":{\"capacity\":0},\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}")
                .status())
        .isEqualTo(400);
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"properties\":{\"model\":{\"name\":\"gpt-4o\"},\"backend\":{\"kind\":\"quantum\"}}}")
                .status())
        .isEqualTo(400);
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"properties\":{\"model\":{\"name\":\"gpt-4o\"},\"backend\":{\"kind\":\"embedded\"}}}")
                .status())
        .isEqualTo(400);
    assertThat(
            arm(
                    "PUT",
                    path,
                    "{\"properties\":{\"model\":{\"name\":\"gpt-4o\"},\"backend\":{\"kind\":\"openai-compatible\",\"url\":\"ftp://x\"}}}")
                .status())
        .isEqualTo(400);
    assertThat(
            arm(
                    "PUT",
                    account + "/deployments/bad%20name!?api-version=2024-10-01",
                    "{\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}")
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("InvalidResourceName");
    assertThat(arm("GET", path, null).status()).as("nothing was stored").isEqualTo(404);
  }

  @Test
  void rejectsUnknownPathsAndMethods() {
    assertThat(
            arm("GET", account + "/nothing?api-version=2024-10-01", null)
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("NoRegisteredProviderFound");
    assertThat(arm("DELETE", account + "/listKeys?api-version=2024-10-01", null).status())
        .isEqualTo(405);
    assertThat(
            arm("POST", account + "/regenerateKey?api-version=2024-10-01", "{\"keyName\":\"Key3\"}")
                .status())
        .isEqualTo(400);
  }
}
