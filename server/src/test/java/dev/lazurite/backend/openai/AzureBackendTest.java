package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The azure backend kind against a fake Azure OpenAI resource started by the test: another Lazurite
 * instance, which speaks Azure's routes, checks {@code api-key} headers and issues Entra-style
 * tokens for service principals with a role on it.
 */
class AzureBackendTest {
  static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"seed\":7,\"max_tokens\":9}";
  static TestingServer azure;
  static TestingServer gateway;
  static String backends;
  static String admin;
  static String clientId;
  static String clientSecret;

  @BeforeAll
  static void start() {
    azure = TestingServer.start();
    gateway = TestingServer.start();
    backends =
        "/subscriptions/"
            + gateway.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite"
            + "/backends/";
    admin = "Bearer " + gateway.server().adminToken();
    JsonNode sp = TestingCli.run(azure, "identity", "sp", "create", "--name", "gateway");
    clientId = sp.get("appId").asText();
    clientSecret = sp.get("password").asText();
    TestingCli.run(
        azure,
        "role",
        "assignment",
        "create",
        "--assignee",
        sp.get("objectId").asText(),
        "--role",
        "Cognitive Services OpenAI User");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    azure.close();
  }

  static TestingHttp.Result putBackend(String name, String backend) {
    return gateway
        .http()
        .send(
            "PUT",
            backends + name + "?api-version=2024-10-01",
            "{\"properties\":{\"backend\":" + backend + ",\"region\":\"swedencentral\"}}",
            "Authorization",
            admin);
  }

  static TestingHttp.Result chatThrough(String backend, String body) {
    TestingCli.run(
        gateway,
        "deployment",
        "create",
        "--deployment-name",
        "via-" + backend,
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        backend);
    return gateway
        .http()
        .post(
            "/openai/deployments/via-" + backend + "/chat/completions?api-version=2024-10-21",
            body);
  }

  @Test
  void callsTheUpstreamDeploymentWithItsKeyAndPassesTheAnswerThrough() throws Exception {
    var put =
        putBackend(
            "keyed",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"gpt-4o\",\"apiKey\":\""
                + azure.key()
                + "\"}");
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    assertThat(put.body()).doesNotContain(azure.key());
    assertThat(put.json().at("/properties/hasStoredSecret").asBoolean()).isTrue();
    assertThat(put.json().at("/properties/apiVersion").asText()).isEqualTo("2024-10-21");

    var direct =
        azure
            .http()
            .post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", HELLO);
    var proxied = chatThrough("keyed", HELLO);
    assertThat(proxied.status()).as(proxied.body()).isEqualTo(200);
    assertThat(proxied.json().at("/choices/0/message/content").asText())
        .isEqualTo(direct.json().at("/choices/0/message/content").asText());
    assertThat(proxied.json().at("/usage/completion_tokens").asInt()).isEqualTo(9);
    assertThat(proxied.header("x-ms-region")).isEqualTo("Sweden Central");

    var stream =
        gateway
            .http()
            .post(
                "/openai/deployments/via-keyed/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}");
    assertThat(stream.status()).as(stream.body()).isEqualTo(200);
    assertThat(stream.body()).endsWith("data: [DONE]\n\n");

    // The key is sealed at rest: the database file does not hold it in the clear.
    byte[] database = Files.readAllBytes(Path.of(gateway.dataDir().toString(), "lazurite.db"));
    assertThat(new String(database, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(azure.key());
  }

  @Test
  void obtainsTokensByClientCredentialsFromTheUpstreamTenant() {
    String tenant = azure.server().identities().issuer().tenantId();
    var put =
        putBackend(
            "token",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"gpt-4o\",\"auth\":\"client-credentials\",\"tokenUrl\":\""
                + azure.endpoint()
                + "/"
                + tenant
                + "/oauth2/v2.0/token\",\"clientId\":\""
                + clientId
                + "\",\"clientSecret\":\""
                + clientSecret
                + "\"}");
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    assertThat(put.body()).doesNotContain(clientSecret);
    var answer = chatThrough("token", HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/usage/completion_tokens").asInt()).isEqualTo(9);
  }

  @Test
  void obtainsTokensFromAManagedIdentityEndpoint() {
    JsonNode mi = TestingCli.run(azure, "identity", "mi", "create", "--name", "gateway-mi");
    TestingCli.run(
        azure,
        "role",
        "assignment",
        "create",
        "--assignee",
        mi.get("principalId").asText(),
        "--role",
        "Cognitive Services OpenAI User");
    var put =
        putBackend(
            "identity",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"gpt-4o\",\"auth\":\"managed-identity\",\"tokenUrl\":\""
                + azure.endpoint()
                + "/metadata/identity/oauth2/token?api-version=2018-02-01\",\"clientId\":\""
                + mi.get("clientId").asText()
                + "\"}");
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    var answer = chatThrough("identity", HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void theOpenAiKindCallsTheV1ShapeWithABearerKey() {
    var put =
        putBackend(
            "openai",
            "{\"kind\":\"openai\",\"url\":\""
                + azure.endpoint()
                + "/openai/v1\",\"upstreamModel\":\"gpt-4o\",\"apiKey\":\""
                + azure.key()
                + "\"}");
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    var answer = chatThrough("openai", HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/usage/completion_tokens").asInt()).isEqualTo(9);
  }

  @Test
  void aWrongKeyIsAGatewayErrorThatNeverShowsTheKey() {
    String wrong = "0123456789abcdef0123456789abcdef";
    putBackend(
        "wrong",
        "{\"kind\":\"azure\",\"url\":\""
            + azure.endpoint()
            + "\",\"deployment\":\"gpt-4o\",\"apiKey\":\""
            + wrong
            + "\"}");
    var refused = chatThrough("wrong", HELLO);
    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.json().at("/error/message").asText())
        .isEqualTo("The model backend refused this deployment's credentials.");
    assertThat(refused.body()).doesNotContain(wrong);
  }

  @Test
  void rejectsIncompleteAzureBackends() {
    var noDeployment =
        putBackend("bad", "{\"kind\":\"azure\",\"url\":\"" + azure.endpoint() + "\"}");
    assertThat(noDeployment.status()).isEqualTo(400);
    assertThat(noDeployment.json().at("/error/message").asText())
        .contains("needs the upstream deployment name");
    var noClient =
        putBackend(
            "bad",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"d\",\"auth\":\"client-credentials\"}");
    assertThat(noClient.status()).isEqualTo(400);
    var badAuth =
        putBackend(
            "bad",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"d\",\"auth\":\"password\"}");
    assertThat(badAuth.status()).isEqualTo(400);
    var wrongType =
        putBackend(
            "bad", "{\"kind\":\"azure\",\"url\":\"" + azure.endpoint() + "\",\"deployment\":42}");
    assertThat(wrongType.status()).isEqualTo(400);
    var both =
        putBackend(
            "bad",
            "{\"kind\":\"azure\",\"url\":\""
                + azure.endpoint()
                + "\",\"deployment\":\"d\",\"apiKey\":\"a\",\"clientSecret\":\"b\"}");
    assertThat(both.status()).isEqualTo(400);
  }
}
