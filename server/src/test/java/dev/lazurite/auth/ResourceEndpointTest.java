package dev.lazurite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each resource's own endpoint, used exactly as ARM prints it: keys and tokens are resolved against
 * the resource the endpoint names, and the bare root stays the default resource's.
 */
class ResourceEndpointTest {
  static final String CHAT = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String INVALID_KEY =
      "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or"
          + " wrong API endpoint. Make sure to provide a valid key for an active subscription and"
          + " use a correct regional API endpoint for your resource.\"}}";
  static TestingServer server;
  static TestingAccounts accounts;
  static HttpClient https;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    accounts = new TestingAccounts(server);
    accounts.create("team-b");
    https = HttpClient.newBuilder().sslContext(server.trustingLocalCa()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void armPrintsEachAccountsOwnEndpoint() {
    String root = server.httpsEndpoint();
    JsonNode b = accounts.show("team-b");
    assertThat(b.at("/properties/endpoint").asText()).isEqualTo(root + "/accounts/team-b/");
    assertThat(b.at("/properties/endpoints/OpenAI Language Model Instance API").asText())
        .isEqualTo(root + "/accounts/team-b/");
    assertThat(accounts.endpoint("lazurite")).isEqualTo(root + "/accounts/lazurite/");
  }

  @Test
  void aKeyWorksAtItsOwnEndpointForDatedAndV1Routes() throws Exception {
    String endpoint = accounts.endpoint("team-b");
    String key = accounts.key1("team-b");
    var dated = post(endpoint + CHAT, HELLO, "api-key", key);
    assertThat(dated.statusCode()).as(dated.body()).isEqualTo(200);
    var v1 =
        post(
            endpoint + "openai/v1/chat/completions",
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "Authorization",
            "Bearer " + key);
    assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
    var models =
        https.send(
            HttpRequest.newBuilder(URI.create(endpoint + "openai/v1/models"))
                .header("api-key", key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
  }

  @Test
  void anotherResourcesKeyIsRefusedAsAzureRefusesIt() throws Exception {
    var foreign = post(accounts.endpoint("team-b") + CHAT, HELLO, "api-key", server.key());
    assertThat(foreign.statusCode()).isEqualTo(401);
    assertThat(foreign.body()).isEqualTo(INVALID_KEY);
    var foreignBearer =
        post(
            accounts.endpoint("lazurite") + "openai/v1/chat/completions",
            "{\"model\":\"gpt-4o\",\"messages\":[]}",
            "Authorization",
            "Bearer " + accounts.key1("team-b"));
    assertThat(foreignBearer.statusCode()).isEqualTo(401);
    assertThat(foreignBearer.body()).isEqualTo(INVALID_KEY);
  }

  @Test
  void theBareRootKeepsServingTheDefaultResourceAndKeysOfTheirOwn() throws Exception {
    var own = post(server.httpsEndpoint() + "/" + CHAT, HELLO, "api-key", server.key());
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    var other =
        post(server.httpsEndpoint() + "/" + CHAT, HELLO, "api-key", accounts.key1("team-b"));
    assertThat(other.statusCode()).as("a key names its resource at the root").isEqualTo(200);
    var slashed =
        post(accounts.endpoint("team-b") + "/" + CHAT, HELLO, "api-key", accounts.key1("team-b"));
    assertThat(slashed.statusCode()).as("runs of slashes count as one").isEqualTo(200);
  }

  @Test
  void anEndpointOfNoResourceIsNotFound() throws Exception {
    var unknown =
        post(server.httpsEndpoint() + "/accounts/nobody/" + CHAT, HELLO, "api-key", server.key());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo("{\"error\":{\"code\":\"404\",\"message\": \"Resource not found\"}}");
    var bare = post(server.httpsEndpoint() + "/accounts/team-b", HELLO, "api-key", server.key());
    assertThat(bare.statusCode()).isEqualTo(404);
    var noRoute =
        post(
            server.httpsEndpoint() + "/accounts/team-b/nothing-here",
            HELLO,
            "api-key",
            server.key());
    assertThat(noRoute.statusCode()).isEqualTo(404);
  }

  @Test
  void aTokenIsAuthorisedAgainstTheRolesOfTheResourceItsEndpointNames() throws Exception {
    var created = server.server().identities().createServicePrincipal("team-b-app");
    String objectId = created.principal().objectId();
    String tenant = server.server().identities().issuer().tenantId();
    var issued =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + created.principal().appId()
                    + "&client_secret="
                    + URLEncoder.encode(created.secret(), StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode(
                        "https://cognitiveservices.azure.com/.default", StandardCharsets.UTF_8));
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String token = issued.json().get("access_token").asText();
    accounts.grant(objectId, BuiltInRoles.OPENAI_USER.id(), "team-b");

    var atB = post(accounts.endpoint("team-b") + CHAT, HELLO, "Authorization", "Bearer " + token);
    assertThat(atB.statusCode()).as(atB.body()).isEqualTo(200);
    var atRoot =
        post(server.httpsEndpoint() + "/" + CHAT, HELLO, "Authorization", "Bearer " + token);
    assertThat(atRoot.statusCode()).as("the root is the default resource's").isEqualTo(401);
    assertThat(Json.read(atRoot.body(), JsonNode.class).at("/error/code").asText())
        .isEqualTo("PermissionDenied");
    var atDefault =
        post(accounts.endpoint("lazurite") + CHAT, HELLO, "Authorization", "Bearer " + token);
    assertThat(atDefault.statusCode()).isEqualTo(401);
  }

  @Test
  void networkRulesAreTheOnesOfTheResourceTheEndpointNames() throws Exception {
    accounts.create("team-closed");
    var closed =
        accounts.arm(
            "PATCH",
            accounts.id("team-closed"),
            "{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}");
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    var refused = post(accounts.endpoint("team-closed") + CHAT, HELLO, "api-key", server.key());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"403\",\"message\": \"Public access is disabled. Please configure private endpoint.\"}}");
    var open = post(accounts.endpoint("team-b") + CHAT, HELLO, "api-key", accounts.key1("team-b"));
    assertThat(open.statusCode()).isEqualTo(200);
  }
}
