package dev.lazurite.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.cli.Main;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The perimeter end to end: principals made with the command line, tokens from the built-in token
 * service, roles granted with `lazurite role assignment`, and the data and control planes enforcing
 * them.
 */
class RbacTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static TestingServer server;
  static TestingHttp http;
  static String tenant;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    tenant = server.server().identities().issuer().tenantId();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    return out.toString().isBlank() ? null : Json.read(out.toString(), JsonNode.class);
  }

  static String token(JsonNode principal, String scope) {
    var result =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + principal.get("appId").asText()
                    + "&client_secret="
                    + URLEncoder.encode(principal.get("password").asText(), StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json().get("access_token").asText();
  }

  static TestingHttp.Result chat(String token, String path) {
    return http.send("POST", path, HELLO, "Authorization", "Bearer " + token);
  }

  @Test
  void aPrincipalWithoutARoleGetsPermissionDeniedAndWithOpenAiUserCanChatButNotDeploy() {
    JsonNode sp = cli("identity", "sp", "create", "--name", "chat-app");
    assertThat(sp.get("tenant").asText()).isEqualTo(tenant);
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    String token = token(sp, "https://cognitiveservices.azure.com/.default");

    var denied = chat(token, CHAT);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"PermissionDenied\",\"message\":\"The principal `"
                + objectId
                + "` lacks the required data action `Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action`"
                + " to perform `POST /openai/deployments/{deployment-id}/chat/completions` operation.\"}}");

    cli(
        "role",
        "assignment",
        "create",
        "--assignee",
        objectId,
        "--role",
        "Cognitive Services OpenAI User");
    assertThat(chat(token, CHAT).status()).isEqualTo(200);
    server.server().flushUsage();

    String arm = token(sp, "https://management.azure.com/.default");
    String deployments =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments";
    var read =
        http.send(
            "GET", deployments + "?api-version=2024-10-01", null, "Authorization", "Bearer " + arm);
    assertThat(read.status()).isEqualTo(200);
    var write =
        http.send(
            "PUT",
            deployments + "/mine?api-version=2024-10-01",
            "{\"properties\":{\"model\":{\"name\":\"gpt-4o\"}}}",
            "Authorization",
            "Bearer " + arm,
            "Content-Type",
            "application/json");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().at("/error/code").asText()).isEqualTo("AuthorizationFailed");
    assertThat(write.json().at("/error/message").asText())
        .startsWith(
            "The client '"
                + sp.get("appId").asText()
                + "' with object id '"
                + objectId
                + "' does not have authorization to perform action 'Microsoft.CognitiveServices/accounts/deployments/write'");
    var dataPlaneToken =
        http.send(
            "GET",
            deployments + "?api-version=2024-10-01",
            null,
            "Authorization",
            "Bearer " + token);
    assertThat(dataPlaneToken.status())
        .as("a data-plane audience is not an ARM token")
        .isEqualTo(401);
  }

  @Test
  void aGroupsRoleReachesItsMembersAndDeploymentScopesStayNarrow() {
    JsonNode sp = cli("identity", "sp", "create", "--name", "group-member");
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    JsonNode group = cli("identity", "group", "create", "--name", "ml-team");
    cli(
        "identity",
        "group",
        "add-member",
        "--group",
        group.get("objectId").asText(),
        "--member",
        objectId);
    String scope =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments/gpt-4o";
    JsonNode assignment =
        cli(
            "role",
            "assignment",
            "create",
            "--assignee",
            group.get("objectId").asText(),
            "--role",
            "Cognitive Services OpenAI User",
            "--scope",
            scope);
    String token = token(sp, "https://cognitiveservices.azure.com/.default");
    assertThat(chat(token, CHAT).status()).isEqualTo(200);
    assertThat(chat(token, CHAT.replace("gpt-4o", "gpt-35-turbo")).status()).isEqualTo(401);

    assertThat(cli("role", "assignment", "list", "--scope", scope).findValuesAsText("principalId"))
        .contains(group.get("objectId").asText());
    cli("role", "assignment", "delete", "--id", assignment.get("id").asText());
    assertThat(chat(token, CHAT).status()).as("revocation takes effect at once").isEqualTo(401);
  }

  @Test
  void disableLocalAuthRefusesKeysWithAzures403() {
    cli("account", "update", "--disable-local-auth", "true");
    try {
      var refused = http.post(CHAT, HELLO);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body())
          .isEqualTo(
              "{\"error\":{\"code\":\"AuthenticationTypeDisabled\",\"message\":\"Key based authentication is disabled for this resource.\"}}");
    } finally {
      cli("account", "update", "--disable-local-auth", "false");
    }
    assertThat(http.post(CHAT, HELLO).status()).isEqualTo(200);
  }

  @Test
  void theTokenEndpointAnswersEntraErrors() {
    JsonNode sp = cli("identity", "sp", "create", "--name", "errors");
    var client = new TestingHttp(server.endpoint(), "");
    String base =
        "grant_type=client_credentials&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default&client_id=";
    var wrongSecret =
        client.sendForm(
            "/" + tenant + "/oauth2/v2.0/token",
            base + sp.get("appId").asText() + "&client_secret=nope");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(wrongSecret.json().get("error_description").asText())
        .startsWith("AADSTS7000215: Invalid client secret provided.");
    assertThat(wrongSecret.body()).doesNotContain(sp.get("password").asText());
    var unknownApp =
        client.sendForm(
            "/" + tenant + "/oauth2/v2.0/token",
            base + "00000000-0000-0000-0000-000000000000&client_secret=x");
    assertThat(unknownApp.json().get("error_codes").get(0).asInt()).isEqualTo(700016);
    var badScope =
        client.sendForm(
            "/" + tenant + "/oauth2/v2.0/token",
            "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_id="
                + sp.get("appId").asText()
                + "&client_secret=x");
    assertThat(badScope.json().get("error").asText()).isEqualTo("invalid_scope");
    var badTenant =
        client.sendForm("/not-a-tenant/oauth2/v2.0/token", base + sp.get("appId").asText());
    assertThat(badTenant.json().get("error_codes").get(0).asInt()).isEqualTo(90002);
    var badGrant =
        client.sendForm("/" + tenant + "/oauth2/v2.0/token", "grant_type=password&client_id=x");
    assertThat(badGrant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    var discovery =
        client.send("GET", "/" + tenant + "/v2.0/.well-known/openid-configuration", null);
    assertThat(discovery.json().get("token_endpoint").asText())
        .endsWith("/" + tenant + "/oauth2/v2.0/token");
    var keys = client.send("GET", "/" + tenant + "/discovery/v2.0/keys", null);
    assertThat(keys.json().at("/keys/0/kty").asText()).isEqualTo("RSA");
    assertThat(keys.body()).doesNotContain("\"d\"");
  }

  @Test
  void managedIdentitiesGetTokensThroughTheirHeaderOrImdsOnly() {
    JsonNode mi = cli("identity", "mi", "create", "--name", "worker");
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.execute(
        "identity", "mi", "env", "--name", "worker", "--data-dir", server.dataDir().toString());
    String header =
        out.toString()
            .lines()
            .filter(l -> l.startsWith("export IDENTITY_HEADER="))
            .findFirst()
            .orElseThrow()
            .substring(23);
    assertThat(out.toString())
        .contains("export IDENTITY_ENDPOINT=" + server.endpoint() + "/msi/token");
    var client = new TestingHttp(server.endpoint(), "");
    String resource = "?api-version=2019-08-01&resource=https://cognitiveservices.azure.com";
    var token = client.send("GET", "/msi/token" + resource, null, "X-IDENTITY-HEADER", header);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("client_id").asText()).isEqualTo(mi.get("clientId").asText());
    assertThat(token.json().get("expires_on").asText()).matches("[0-9]{10}");
    assertThat(token.json().get("resource").asText())
        .isEqualTo("https://cognitiveservices.azure.com");
    assertThat(
            client
                .send("GET", "/msi/token" + resource, null, "X-IDENTITY-HEADER", "forged")
                .status())
        .isEqualTo(401);
    var imds =
        client.send(
            "GET",
            "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://cognitiveservices.azure.com&client_id="
                + mi.get("clientId").asText(),
            null,
            "Metadata",
            "true");
    assertThat(imds.status()).isEqualTo(200);
    assertThat(imds.json().get("expires_in").asText()).matches("[0-9]+");
    assertThat(
            client
                .send(
                    "GET",
                    "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://cognitiveservices.azure.com",
                    null)
                .status())
        .isEqualTo(400);
  }
}
