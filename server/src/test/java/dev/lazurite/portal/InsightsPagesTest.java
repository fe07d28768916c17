package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.server.ServerSecrets;
import dev.lazurite.testing.TestingServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage, quota and audit pages over plain HTTP: malformed periods and filters get a 400 page,
 * another resource group's account is not found or not allowed, and a role that cannot read the
 * account is refused every one of them.
 */
class InsightsPagesTest {
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
  private static final List<String> PAGES = List.of("/usage", "/quota", "/audit");
  private static TestingServer server;
  private static Sessions sessions;
  private static PortalClient admin;
  private static String accountScope;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    sessions =
        new Sessions(
            ServerSecrets.shared(
                server.server().store().secrets(),
                server.dataDir().resolve("portal"),
                "portal-session.key"),
            Clock.systemUTC(),
            Duration.ofHours(1));
    admin = new PortalClient(server.endpoint());
    admin.signIn(server.server().adminToken());
    accountScope =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/"
            + Bootstrap.DEFAULT_RESOURCE_GROUP
            + "/providers/Microsoft.CognitiveServices/accounts/"
            + Bootstrap.DEFAULT_ACCOUNT;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static PortalClient user(String role) {
    String id = UUID.randomUUID().toString();
    server.server().control().assignRole(UUID.randomUUID().toString(), id, role, accountScope);
    var client = new PortalClient(server.endpoint());
    client.cookie(sessions.encode(sessions.signIn(new PortalPrincipal.User(id, "user", Set.of()))));
    return client;
  }

  private static void badRequest(String path, String message) {
    HttpResponse<String> response = admin.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.body()).as(path).contains(message);
  }

  @Test
  void theAdminSeesEveryPage() {
    for (String page : PAGES) {
      assertThat(admin.get(BASE + page).statusCode()).as(page).isEqualTo(200);
    }
    assertThat(admin.get(BASE).body()).contains(BASE + "/usage", BASE + "/quota", BASE + "/audit");
  }

  @Test
  void theUsageTableHasTheTokensOfARequest() {
    server.deploy(
        new dev.lazurite.control.DeploymentRequest(
            "pages-chat", "gpt-4o", "", "Standard", 10, "", "", java.util.Optional.empty()));
    var answer =
        new dev.lazurite.testing.TestingHttp(server.endpoint(), server.key())
            .post(
                "/openai/deployments/pages-chat/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(answer.status()).isEqualTo(200);
    long prompt = answer.json().path("usage").path("prompt_tokens").asLong();
    server.server().flushUsage();
    String body = admin.get(BASE + "/usage").body();
    assertThat(body).contains("data-group=\"pages-chat\"", "<svg", "role=\"img\"");
    assertThat(body).doesNotContain(" style=");
    String row = body.substring(body.indexOf("data-group=\"pages-chat\""));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains(">" + prompt + "<");
  }

  @Test
  void malformedPeriodsAreRefused() {
    badRequest(BASE + "/usage?from=2026-13-40", "YYYY-MM-DD");
    badRequest(BASE + "/usage?from=yesterday", "YYYY-MM-DD");
    badRequest(BASE + "/usage?from=2026-12-06T00:00:00Z", "YYYY-MM-DD");
    badRequest(BASE + "/usage?from=2026-12-06&to=2026-12-01", "must end on or after");
    badRequest(BASE + "/usage?granularity=minute", "day or hour");
    badRequest(BASE + "/usage?granularity=hour&from=2026-12-01&to=2026-12-06", "at most 3 days");
    badRequest(BASE + "/usage?from=2026-01-01&to=2026-12-06", "at most 92 days");
    badRequest(BASE + "/usage?by=model", "deployment, key, principal, group or tag");
    badRequest(BASE + "/usage?by=tag", "Name the tag key");
    badRequest(BASE + "/usage?by=tag&tag=%3Cscript%3E", "Name the tag key");
    assertThat(
            admin.get(BASE + "/usage?by=tag&tag=team&from=2026-12-01&to=2026-12-06").statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedAuditFiltersAreRefused() {
    badRequest(BASE + "/audit?since=last-week", "since");
    badRequest(BASE + "/audit?page=0", "page");
    badRequest(BASE + "/audit?page=abc", "page");
    badRequest(BASE + "/audit?principal=" + "x".repeat(300), "longer than 256");
    assertThat(admin.get(BASE + "/audit?since=2026-01-01&status=200&page=2").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anAccountInAnotherResourceGroupIsNotFound() {
    for (String page : PAGES) {
      String path = "/portal/resources/other-group/" + Bootstrap.DEFAULT_ACCOUNT + page;
      assertThat(admin.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aReaderOfThisAccountIsRefusedAnotherGroupsAccount() {
    var reader = user("Reader");
    for (String page : PAGES) {
      assertThat(reader.get(BASE + page).statusCode()).as(page).isEqualTo(200);
      String other = "/portal/resources/other-group/" + Bootstrap.DEFAULT_ACCOUNT + page;
      assertThat(reader.get(other).statusCode()).as(other).isEqualTo(403);
    }
  }

  @Test
  void aRoleThatCannotReadTheAccountIsRefused() {
    var usagesOnly = user("Cognitive Services Usages Reader");
    for (String page : PAGES) {
      assertThat(usagesOnly.get(BASE + page).statusCode()).as(page).isEqualTo(403);
    }
    var none = new PortalClient(server.endpoint());
    none.cookie(
        sessions.encode(
            sessions.signIn(
                new PortalPrincipal.User(UUID.randomUUID().toString(), "nobody", Set.of()))));
    for (String page : PAGES) {
      assertThat(none.get(BASE + page).statusCode()).as(page).isEqualTo(403);
    }
  }
}
