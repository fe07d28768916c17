package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage page split by and narrowed to Entra groups: alice (ml) calls once, bob (ml and web)
 * twice and a key caller once; split by group each group's row counts its members' calls, key calls
 * are under (none); narrowed to a group only its members' calls remain; a malformed group id is a
 * 400 page.
 */
class UsageGroupPageTest {
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
  private static final String CHAT =
      "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  private static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}],\"max_tokens\":5}";
  private static TestingServer server;
  private static PortalClient admin;
  private static String ml;
  private static String web;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    ml = group("ml-team");
    web = group("web-team");
    String alice = member("alice", ml);
    String bob = member("bob", ml, web);
    call("Authorization", "Bearer " + alice);
    call("Authorization", "Bearer " + bob);
    call("Authorization", "Bearer " + bob);
    call("api-key", server.key());
    server.server().flushUsage();
    admin = new PortalClient(server.endpoint());
    admin.signIn(server.server().adminToken());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String group(String name) {
    String id =
        TestingCli.run(server, "identity", "group", "create", "--name", name)
            .get("objectId")
            .asText();
    TestingCli.run(
        server,
        "role",
        "assignment",
        "create",
        "--assignee",
        id,
        "--role",
        "Cognitive Services OpenAI User");
    return id;
  }

  /** A service principal in {@code groups}; returns its data-plane token. */
  private static String member(String name, String... groups) {
    JsonNode sp = TestingCli.run(server, "identity", "sp", "create", "--name", name);
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    for (String group : groups) {
      TestingCli.execute(
          server, "identity", "group", "add-member", "--group", group, "--member", objectId);
    }
    String tenant = server.server().identities().issuer().tenantId();
    var result =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + sp.get("appId").asText()
                    + "&client_secret="
                    + URLEncoder.encode(sp.get("password").asText(), StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode(
                        "https://cognitiveservices.azure.com/.default", StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json().get("access_token").asText();
  }

  private static void call(String header, String value) {
    var answer = server.http().send("POST", CHAT, HELLO, header, value);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private static String page(String query) {
    HttpResponse<String> response = admin.get(BASE + "/usage?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The requests of the row named {@code group}, summed over its buckets; 0 when none. */
  private static long requests(String body, String group) {
    Matcher m =
        Pattern.compile(
                "data-group=\""
                    + Pattern.quote(group)
                    + "\">\\s*<td>[^<]*</td><th scope=\"row\">[^<]*</th><td class=\"num\">(\\d+)</td>")
            .matcher(body);
    long sum = 0;
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
    }
    return sum;
  }

  @Test
  void splitByGroupEachGroupCountsItsMembersCalls() {
    String body = page("by=group");
    assertThat(requests(body, ml)).isEqualTo(3);
    assertThat(requests(body, web)).isEqualTo(2);
    assertThat(requests(body, "(none)")).isEqualTo(1);
    assertThat(body).contains("id=\"group-split\"", "<option value=\"group\" selected");
  }

  @Test
  void narrowedToAGroupOnlyItsMembersCallsRemain() {
    String byDeployment = page("by=deployment&entraGroup=" + web);
    assertThat(requests(byDeployment, "gpt-4o")).isEqualTo(2);
    assertThat(byDeployment).contains("id=\"group-filter\"", "value=\"" + web + "\"");
    String byGroup = page("by=group&entraGroup=" + ml);
    assertThat(requests(byGroup, ml)).isEqualTo(3);
    assertThat(requests(byGroup, web)).isZero();
    assertThat(requests(byGroup, "(none)")).isZero();
    assertThat(requests(page("by=deployment"), "gpt-4o")).isEqualTo(4);
  }

  @Test
  void aGroupWithoutMembersCallsShowsNoUsage() {
    assertThat(page("entraGroup=00000000-0000-0000-0000-000000000000")).contains("id=\"no-usage\"");
  }

  @Test
  void aMalformedGroupIdIsABadRequestPage() {
    for (String bad : new String[] {"%3Cscript%3E", "a%20b", "x".repeat(65)}) {
      HttpResponse<String> response = admin.get(BASE + "/usage?entraGroup=" + bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.body()).contains("object id").doesNotContain("<script>");
    }
  }
}
