package dev.lazurite.api.responses;

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
 * A stored response belongs to the principal that created it: another caller of the same resource
 * (a service principal with the OpenAI User role, or the resource's keys) can neither read, list,
 * delete nor continue it.
 */
class ResponseOwnershipTest {
  static final String V1 = "/openai/v1/responses";
  static TestingServer server;
  static TestingHttp http;
  static String token;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    JsonNode sp = cli("identity", "sp", "create", "--name", "responses-app");
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    cli(
        "role",
        "assignment",
        "create",
        "--assignee",
        objectId,
        "--role",
        "Cognitive Services OpenAI User");
    token = token(sp);
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
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
    assertThat(cli.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    return out.toString().isBlank() ? null : Json.read(out.toString(), JsonNode.class);
  }

  static String token(JsonNode principal) {
    String tenant = server.server().identities().issuer().tenantId();
    var result =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + principal.get("appId").asText()
                    + "&client_secret="
                    + URLEncoder.encode(principal.get("password").asText(), StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode(
                        "https://cognitiveservices.azure.com/.default", StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json().get("access_token").asText();
  }

  static TestingHttp.Result asPrincipal(String method, String path, String body) {
    return http.send(method, path, body, "Authorization", "Bearer " + token);
  }

  static TestingHttp.Result withKey(String method, String path, String body) {
    return http.send(method, path, body, "api-key", server.key());
  }

  static String continuing(String id) {
    return "{\"model\":\"gpt-4o\",\"input\":\"And?\",\"previous_response_id\":\"" + id + "\"}";
  }

  @Test
  void aPrincipalsResponseIsItsOwn() {
    var created = asPrincipal("POST", V1, "{\"model\":\"gpt-4o\",\"input\":\"Tell me about tea\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();

    assertThat(asPrincipal("GET", V1 + "/" + id, null).status()).isEqualTo(200);
    var continued = asPrincipal("POST", V1, continuing(id));
    assertThat(continued.status()).as(continued.body()).isEqualTo(200);

    assertThat(withKey("GET", V1 + "/" + id, null).status()).isEqualTo(404);
    assertThat(withKey("GET", V1 + "/" + id + "/input_items", null).status()).isEqualTo(404);
    assertThat(withKey("POST", V1, continuing(id)).status()).isEqualTo(404);
    assertThat(withKey("DELETE", V1 + "/" + id, null).status()).isEqualTo(404);
    assertThat(asPrincipal("GET", V1 + "/" + id, null).status()).isEqualTo(200);
  }

  @Test
  void aKeyCallersResponseIsNotThePrincipals() {
    var created = withKey("POST", V1, "{\"model\":\"gpt-4o\",\"input\":\"Tell me about coffee\"}");
    String id = created.json().get("id").asText();
    assertThat(asPrincipal("GET", V1 + "/" + id, null).status()).isEqualTo(404);
    assertThat(asPrincipal("POST", V1, continuing(id)).status()).isEqualTo(404);
    assertThat(asPrincipal("DELETE", V1 + "/" + id, null).status()).isEqualTo(404);
    assertThat(withKey("GET", V1 + "/" + id, null).status()).isEqualTo(200);
  }

  @Test
  void anotherCallerCannotCancelABackgroundResponse() {
    var created =
        withKey(
            "POST",
            V1,
            "{\"model\":\"gpt-4o\",\"input\":\"Tell me about mate\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    var cancel = asPrincipal("POST", V1 + "/" + id + "/cancel", null);
    assertThat(cancel.status()).isEqualTo(404);
    assertThat(cancel.json().get("error").get("message").asText()).contains(id);
    assertThat(withKey("GET", V1 + "/" + id, null).status()).isEqualTo(200);
  }
}
