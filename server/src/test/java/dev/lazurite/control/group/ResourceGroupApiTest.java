package dev.lazurite.control.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resource groups as ARM serves them, and accounts refused in a group that does not exist. */
class ResourceGroupApiTest {
  static TestingServer server;
  static TestingHttp http;
  static String sub;
  static String auth;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    sub = "/subscriptions/" + server.server().subscriptionId();
    auth = "Bearer " + server.server().adminToken();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    String separator = path.contains("?") ? "&" : "?";
    return http.send(
        method, path + separator + "api-version=2021-04-01", body, "Authorization", auth);
  }

  static String account(String group, String name) {
    return sub
        + "/resourceGroups/"
        + group
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + name;
  }

  static final String ACCOUNT_BODY =
      "{\"kind\":\"OpenAI\",\"sku\":{\"name\":\"S0\"},\"location\":\"eastus\",\"properties\":{}}";

  @Test
  void theDefaultGroupExistsFromTheFirstStart() {
    var shown = arm("GET", sub + "/resourceGroups/lazurite", null);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().get("id").asText()).isEqualTo(sub + "/resourceGroups/lazurite");
    assertThat(shown.json().get("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups");
    assertThat(shown.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
  }

  @Test
  void createsShowsListsAndDeletesAGroupAsArmDoes() {
    var created =
        arm(
            "PUT",
            sub + "/resourcegroups/Team-A",
            "{\"location\":\"East US\",\"tags\":{\"env\":\"dev\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo("Team-A");
    assertThat(created.json().get("location").asText()).isEqualTo("eastus");
    assertThat(created.json().at("/tags/env").asText()).isEqualTo("dev");

    var again = arm("PUT", sub + "/resourceGroups/team-a", "{\"location\":\"eastus\"}");
    assertThat(again.status()).as("names ignore case; a second PUT updates").isEqualTo(200);
    assertThat(again.json().get("name").asText()).isEqualTo("Team-A");
    assertThat(again.json().get("tags").size()).isZero();

    assertThat(arm("HEAD", sub + "/resourceGroups/TEAM-A", null).status()).isEqualTo(204);
    var listed = arm("GET", sub + "/resourcegroups", null);
    assertThat(listed.json().get("value").findValuesAsText("name")).contains("lazurite", "Team-A");

    assertThat(arm("DELETE", sub + "/resourceGroups/team-a", null).status()).isEqualTo(200);
    var gone = arm("GET", sub + "/resourceGroups/team-a", null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'team-a'"
                + " could not be found.\"}}");
    assertThat(arm("HEAD", sub + "/resourceGroups/team-a", null).status()).isEqualTo(404);
    assertThat(arm("DELETE", sub + "/resourceGroups/team-a", null).status()).isEqualTo(404);
  }

  @Test
  void refusesAnAccountInAGroupThatDoesNotExistAndCreatesNothing() {
    var refused = arm("PUT", account("no-such-rg", "orphan"), ACCOUNT_BODY);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    assertThat(refused.json().at("/error/message").asText())
        .isEqualTo("Resource group 'no-such-rg' could not be found.");
    assertThat(arm("GET", sub + "/providers/Microsoft.CognitiveServices/accounts", null).body())
        .doesNotContain("orphan");

    arm("PUT", sub + "/resourceGroups/made-first", "{\"location\":\"eastus\"}");
    assertThat(arm("PUT", account("made-first", "adopted"), ACCOUNT_BODY).status()).isEqualTo(201);
  }

  @Test
  void deletingAGroupDeletesTheResourcesInIt() {
    arm("PUT", sub + "/resourceGroups/doomed", "{\"location\":\"eastus\"}");
    assertThat(arm("PUT", account("doomed", "doomed-account"), ACCOUNT_BODY).status())
        .isEqualTo(201);
    String search =
        sub + "/resourceGroups/doomed/providers/Microsoft.Search/searchServices/doomed-search";
    assertThat(
            arm("PUT", search, "{\"location\":\"eastus\",\"sku\":{\"name\":\"basic\"}}").status())
        .isIn(200, 201);
    assertThat(arm("DELETE", sub + "/resourceGroups/doomed", null).status()).isEqualTo(200);
    assertThat(arm("GET", account("doomed", "doomed-account"), null).status()).isEqualTo(404);
    assertThat(arm("GET", search, null).status()).isEqualTo(404);
    assertThat(arm("GET", account("lazurite", "lazurite"), null).status())
        .as("other groups keep their resources")
        .isEqualTo(200);
  }

  @Test
  void refusesBadGroupsAndChangesNothing() {
    var noLocation = arm("PUT", sub + "/resourceGroups/bad1", "{}");
    assertThat(noLocation.status()).isEqualTo(400);
    assertThat(noLocation.json().at("/error/code").asText()).isEqualTo("LocationRequired");
    var malformed = arm("PUT", sub + "/resourceGroups/bad2", "{\"location\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("InvalidRequestContent");
    var notObject = arm("PUT", sub + "/resourceGroups/bad3", "[1]");
    assertThat(notObject.status()).isEqualTo(400);
    var wrongLocationType = arm("PUT", sub + "/resourceGroups/bad4", "{\"location\":5}");
    assertThat(wrongLocationType.status()).isEqualTo(400);
    var wrongTags =
        arm("PUT", sub + "/resourceGroups/bad5", "{\"location\":\"eastus\",\"tags\":[]}");
    assertThat(wrongTags.status()).isEqualTo(400);
    var tagNotString =
        arm("PUT", sub + "/resourceGroups/bad6", "{\"location\":\"eastus\",\"tags\":{\"a\":1}}");
    assertThat(tagNotString.status()).isEqualTo(400);
    var badName = arm("PUT", sub + "/resourceGroups/ends-with-dot.", "{\"location\":\"eastus\"}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.json().at("/error/code").asText()).isEqualTo("InvalidResourceGroup");
    var tooLong =
        arm("PUT", sub + "/resourceGroups/" + "g".repeat(91), "{\"location\":\"eastus\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    var manyTags = new StringBuilder("{\"location\":\"eastus\",\"tags\":{");
    for (int i = 0; i < 51; i++) {
      manyTags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
    }
    var tooManyTags = arm("PUT", sub + "/resourceGroups/bad7", manyTags.append("}}").toString());
    assertThat(tooManyTags.status()).isEqualTo(400);
    assertThat(tooManyTags.json().at("/error/code").asText()).isEqualTo("InvalidTag");

    var names =
        arm("GET", sub + "/resourceGroups", null).json().get("value").findValuesAsText("name");
    assertThat(names).noneMatch(n -> n.startsWith("bad") || n.startsWith("ends-with"));

    arm("PUT", sub + "/resourceGroups/west", "{\"location\":\"westus\",\"tags\":{\"k\":\"v\"}}");
    var moved = arm("PUT", sub + "/resourceGroups/west", "{\"location\":\"eastus\"}");
    assertThat(moved.status()).isEqualTo(409);
    assertThat(moved.json().at("/error/code").asText()).isEqualTo("InvalidResourceGroupLocation");
    assertThat(arm("GET", sub + "/resourceGroups/west", null).json().at("/tags/k").asText())
        .as("a refused PUT leaves the tags")
        .isEqualTo("v");
  }

  @Test
  void aTokenCallerNeedsTheResourceGroupActions() {
    var sp = server.server().identities().createServicePrincipal("group-reader");
    server
        .server()
        .control()
        .assignRole(
            java.util.UUID.randomUUID().toString(),
            sp.principal().objectId(),
            dev.lazurite.rbac.BuiltInRoles.CONTRIBUTOR.roleName(),
            sub);
    var token =
        http.sendForm(
            "/" + server.server().identities().issuer().tenantId() + "/oauth2/v2.0/token",
            "grant_type=client_credentials&client_id="
                + sp.principal().appId()
                + "&client_secret="
                + java.net.URLEncoder.encode(sp.secret(), java.nio.charset.StandardCharsets.UTF_8)
                + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    String bearer = "Bearer " + token.json().get("access_token").asText();

    var read =
        http.send(
            "GET",
            sub + "/resourceGroups/lazurite?api-version=2021-04-01",
            null,
            "Authorization",
            bearer);
    assertThat(read.status()).as("Cognitive Services Contributor may read groups").isEqualTo(200);
    var write =
        http.send(
            "PUT",
            sub + "/resourceGroups/not-mine?api-version=2021-04-01",
            "{\"location\":\"eastus\"}",
            "Authorization",
            bearer);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().at("/error/message").asText())
        .contains("Microsoft.Resources/subscriptions/resourceGroups/write");
    assertThat(arm("GET", sub + "/resourceGroups/not-mine", null).status()).isEqualTo(404);
  }

  @Test
  void answersForOtherSubscriptionsAndMethodsAsArmDoes() {
    var other =
        arm("GET", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups", null);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.json().at("/error/code").asText()).isEqualTo("SubscriptionNotFound");
    assertThat(arm("POST", sub + "/resourceGroups/lazurite", "{}").status()).isEqualTo(405);
    assertThat(arm("DELETE", sub + "/resourceGroups", null).status()).isEqualTo(405);
    var anonymous = http.send("GET", sub + "/resourceGroups/lazurite?api-version=2021-04-01", null);
    assertThat(anonymous.status()).isEqualTo(401);
  }
}
