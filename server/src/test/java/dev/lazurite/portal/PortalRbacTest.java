package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.server.ServerSecrets;
import dev.lazurite.testing.TestingServer;
import io.helidon.http.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user principal may see and change follows its role assignments (its own and its groups'),
 * checked on every route, not only hidden from the menu.
 */
class PortalRbacTest {
  private static final String BASE =
      "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/" + Bootstrap.DEFAULT_ACCOUNT;
  private static TestingServer server;
  private static Sessions sessions;
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

  /** A browser signed in as a user principal, holding the CSRF token of its first page. */
  private static PortalClient as(String objectId, Set<String> groups) {
    var client = new PortalClient(server.endpoint());
    client.cookie(
        sessions.encode(sessions.signIn(new PortalPrincipal.User(objectId, "user", groups))));
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(200);
    return client;
  }

  private static void assign(String principal, String role) {
    server
        .server()
        .control()
        .assignRole(UUID.randomUUID().toString(), principal, role, accountScope);
  }

  @Test
  void aUserWithoutRolesIsRefusedEveryProtectedRoute() {
    var client = as(UUID.randomUUID().toString(), Set.of());
    assertThat(client.get("/portal/resources").body()).contains("No resources you may read");
    for (PortalRoute route : server.server().portalRoutes()) {
      if (!(route.access() instanceof Access.Requires)) {
        continue;
      }
      String path =
          route
              .path()
              .replace("{group}", Bootstrap.DEFAULT_RESOURCE_GROUP)
              .replace("{account}", Bootstrap.DEFAULT_ACCOUNT)
              .replace("{name}", "gpt-4o");
      var response =
          route.method().equals(Method.GET)
              ? client.get(path)
              : client.post(path, Map.of("capacity", "3", "keyName", "key1"));
      assertThat(response.statusCode()).as(route.method() + " " + path).isEqualTo(403);
    }
  }

  @Test
  void anOpenAiUserSeesDeploymentsButChangesNothing() {
    String user = UUID.randomUUID().toString();
    assign(user, "Cognitive Services OpenAI User");
    var client = as(user, Set.of());
    assertThat(client.get("/portal/resources").body()).contains(Bootstrap.DEFAULT_ACCOUNT);
    var page = client.get(BASE + "/deployments");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("gpt-4o").doesNotContain("create-deployment", "Delete");
    var keys = server.server().defaultKeys();
    assertThat(
            client
                .post(
                    BASE + "/deployments",
                    Map.of(
                        "name",
                        "rbac-x",
                        "model",
                        "gpt-4o@2024-11-20",
                        "sku",
                        "Standard",
                        "capacity",
                        "1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(client.post(BASE + "/deployments/gpt-4o/delete", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(client.post(BASE + "/keys/regenerate", Map.of("keyName", "key1")).statusCode())
        .isEqualTo(403);
    assertThat(server.server().defaultKeys()).isEqualTo(keys);
  }

  @Test
  void aGroupsContributorRoleLetsItsMembersDeployButNotRegenerateKeys() {
    String group = UUID.randomUUID().toString();
    assign(group, "Cognitive Services OpenAI Contributor");
    var client = as(UUID.randomUUID().toString(), Set.of(group));
    client.get(BASE + "/deployments");
    var created =
        client.post(
            BASE + "/deployments",
            Map.of(
                "name",
                "rbac-group",
                "model",
                "gpt-4o@2024-11-20",
                "sku",
                "Standard",
                "capacity",
                "1"));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(client.get(BASE + "/deployments").body()).contains("rbac-group");
    assertThat(client.post(BASE + "/keys/regenerate", Map.of("keyName", "key1")).statusCode())
        .isEqualTo(403);
  }
}
