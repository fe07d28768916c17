package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Soft delete and purge as Azure does them for Cognitive Services accounts: a deleted account is
 * listed, keeps its name taken, comes back with {@code restore: true} (keys, deployments and
 * blocklists with it), and goes for good when purged.
 */
class SoftDeleteTest {
  static final String V = "?api-version=2023-05-01";
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String CREATE =
      "{\"kind\":\"OpenAI\",\"sku\":{\"name\":\"S0\"},\"location\":\"swedencentral\",\"properties\":{}}";
  static final String RESTORE =
      "{\"kind\":\"OpenAI\",\"sku\":{\"name\":\"S0\"},\"location\":\"swedencentral\",\"properties\":{\"restore\":true}}";
  static final String DEPLOYMENT =
      "{\"sku\":{\"name\":\"Standard\",\"capacity\":10},\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"gpt-4o\",\"version\":\"2024-08-06\"}}}";

  static TestingServer server;
  static TestingHttp http;
  static String sub;
  static String auth;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    sub = server.server().subscriptionId();
    auth = "Bearer " + server.server().adminToken();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return http.send(method, path, body, "Authorization", auth);
  }

  static String account(String group, String name) {
    return "/subscriptions/"
        + sub
        + "/resourceGroups/"
        + group
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + name;
  }

  static String deleted(String location, String group, String name) {
    return "/subscriptions/"
        + sub
        + "/providers/Microsoft.CognitiveServices/locations/"
        + location
        + "/resourceGroups/"
        + group
        + "/deletedAccounts/"
        + name;
  }

  static List<JsonNode> listDeleted() {
    var result =
        arm(
            "GET",
            "/subscriptions/" + sub + "/providers/Microsoft.CognitiveServices/deletedAccounts" + V,
            null);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return StreamSupport.stream(result.json().get("value").spliterator(), false).toList();
  }

  static void assertArmError(TestingHttp.Result result, int status, String code) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
  }

  static void createGroup(String group) {
    var created =
        arm(
            "PUT",
            "/subscriptions/" + sub + "/resourcegroups/" + group + V,
            "{\"location\": \"eastus\"}");
    assertThat(created.status()).as(created.body()).isIn(200, 201);
  }

  static String createWithDeployment(String group, String name) {
    String path = account(group, name);
    createGroup(group);
    assertThat(arm("PUT", path + V, CREATE).status()).isEqualTo(201);
    var deployment = arm("PUT", path + "/deployments/gpt-4o" + V, DEPLOYMENT);
    assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
    return arm("POST", path + "/listKeys" + V, null).json().get("key1").asText();
  }

  @Test
  void aDeletedAccountIsListedAndRestoredWithItsKeysDeploymentsAndBlocklists() {
    String path = account("rg-soft", "soft-a");
    String key = createWithDeployment("rg-soft", "soft-a");
    var blocklist =
        arm(
            "PUT",
            path + "/raiBlocklists/words" + V,
            "{\"properties\":{\"description\":\"kept\"}}");
    assertThat(blocklist.status()).as(blocklist.body()).isIn(200, 201);
    assertThat(http.send("POST", CHAT, HELLO, "api-key", key).status()).isEqualTo(200);
    String principal =
        server.server().identities().createServicePrincipal("soft-reader").principal().objectId();
    String assignment =
        path + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
    assertThat(
            arm(
                    "PUT",
                    assignment + "?api-version=2022-04-01",
                    "{\"properties\":{\"roleDefinitionId\":\"Cognitive Services OpenAI User\",\"principalId\":\""
                        + principal
                        + "\"}}")
                .status())
        .isEqualTo(201);

    Instant before = Instant.now();
    assertThat(arm("DELETE", path + V, null).status()).isEqualTo(200);
    assertArmError(arm("GET", path + V, null), 404, "ResourceNotFound");
    assertThat(http.send("POST", CHAT, HELLO, "api-key", key).status())
        .as("a deleted account's key no longer works")
        .isEqualTo(401);
    JsonNode listed =
        listDeleted().stream()
            .filter(d -> d.get("name").asText().equals("soft-a"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("id").asText()).isEqualTo(deleted("swedencentral", "rg-soft", "soft-a"));
    assertThat(listed.get("kind").asText()).isEqualTo("OpenAI");
    assertThat(listed.at("/sku/name").asText()).isEqualTo("S0");
    Instant deletedAt = Instant.parse(listed.at("/properties/deletionDate").asText());
    assertThat(deletedAt).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(Instant.parse(listed.at("/properties/scheduledPurgeDate").asText()))
        .isEqualTo(deletedAt.plus(Duration.ofHours(48)));
    var one = arm("GET", deleted("swedencentral", "rg-soft", "soft-a") + V, null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("name").asText()).isEqualTo("soft-a");
    var assignments =
        arm(
            "GET",
            "/subscriptions/"
                + sub
                + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01",
            null);
    assertThat(assignments.json().findValuesAsText("scope"))
        .as("assignments at a deleted account go with it")
        .doesNotContain(path);

    var refused = arm("PUT", path + V, CREATE);
    assertArmError(refused, 409, "FlagMustBeSetForRestore");
    assertThat(refused.json().at("/error/message").asText())
        .isEqualTo(
            "An existing resource with ID '"
                + path
                + "' has been soft-deleted. To restore the resource, you must specify 'restore' to"
                + " be 'true' in the property. If you don't want to restore existing resource,"
                + " please purge it first.");
    createGroup("rg-elsewhere");
    assertArmError(
        arm("PUT", account("rg-elsewhere", "soft-a") + V, RESTORE), 409, "FlagMustBeSetForRestore");
    assertArmError(
        arm("GET", account("rg-elsewhere", "soft-a") + V, null), 404, "ResourceNotFound");
    assertThat(listDeleted().stream().map(d -> d.get("name").asText())).contains("soft-a");

    var restored = arm("PUT", path + V, RESTORE);
    assertThat(restored.status()).as(restored.body()).isIn(200, 201);
    assertThat(arm("POST", path + "/listKeys" + V, null).json().get("key1").asText())
        .isEqualTo(key);
    var deployments = arm("GET", path + "/deployments" + V, null).json().get("value");
    assertThat(deployments).hasSize(1);
    assertThat(deployments.get(0).get("name").asText()).isEqualTo("gpt-4o");
    assertThat(deployments.get(0).at("/sku/capacity").asInt()).isEqualTo(10);
    assertThat(
            arm("GET", path + "/raiBlocklists/words" + V, null)
                .json()
                .at("/properties/description")
                .asText())
        .isEqualTo("kept");
    assertThat(http.send("POST", CHAT, HELLO, "api-key", key).status())
        .as("the restored key works again")
        .isEqualTo(200);
    assertThat(listDeleted().stream().map(d -> d.get("name").asText())).doesNotContain("soft-a");
    assertThat(
            arm(
                    "GET",
                    "/subscriptions/"
                        + sub
                        + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01",
                    null)
                .json()
                .findValuesAsText("scope"))
        .as("role assignments are not restored")
        .doesNotContain(path);
  }

  @Test
  void aPurgedAccountIsGoneAndItsNameFreeForANewAccount() {
    String path = account("rg-purge", "soft-b");
    String key = createWithDeployment("rg-purge", "soft-b");
    assertThat(arm("DELETE", path + V, null).status()).isEqualTo(200);
    String purge = deleted("swedencentral", "rg-purge", "soft-b");

    assertArmError(
        arm("DELETE", deleted("westus", "rg-purge", "soft-b") + V, null), 404, "ResourceNotFound");
    assertArmError(
        arm("DELETE", deleted("swedencentral", "rg-other", "soft-b") + V, null),
        404,
        "ResourceNotFound");
    assertArmError(
        arm("DELETE", purge.replace(sub, "00000000-0000-0000-0000-000000000001") + V, null),
        404,
        "ResourceNotFound");
    assertArmError(
        arm("DELETE", purge + "?api-version=someday", null), 400, "InvalidApiVersionParameter");
    assertArmError(arm("PUT", purge + V, "{}"), 405, "MethodNotAllowed");
    assertThat(listDeleted().stream().map(d -> d.get("name").asText()))
        .as("refused purges change nothing")
        .contains("soft-b");

    assertThat(arm("DELETE", purge + V, null).status()).isEqualTo(200);
    assertArmError(arm("GET", purge + V, null), 404, "ResourceNotFound");
    assertArmError(arm("DELETE", purge + V, null), 404, "ResourceNotFound");
    assertThat(listDeleted().stream().map(d -> d.get("name").asText())).doesNotContain("soft-b");

    assertThat(arm("PUT", path + V, CREATE).status()).isEqualTo(201);
    assertThat(arm("POST", path + "/listKeys" + V, null).json().get("key1").asText())
        .as("a new account has new keys")
        .isNotEqualTo(key);
    assertThat(arm("GET", path + "/deployments" + V, null).json().get("value")).isEmpty();
  }

  @Test
  void deletedAccountRoutesRefuseBadInput() {
    String list =
        "/subscriptions/" + sub + "/providers/Microsoft.CognitiveServices/deletedAccounts";
    assertArmError(arm("GET", list, null), 400, "MissingApiVersionParameter");
    assertArmError(
        arm("GET", list + "?api-version=2023-5-1", null), 400, "InvalidApiVersionParameter");
    assertArmError(arm("POST", list + V, null), 405, "MethodNotAllowed");
    assertArmError(
        arm("GET", deleted("swedencentral", "rg", "never-deleted") + V, null),
        404,
        "ResourceNotFound");
    assertThat(
            arm(
                    "GET",
                    "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.CognitiveServices/deletedAccounts"
                        + V,
                    null)
                .json()
                .get("value"))
        .as("another subscription's deleted accounts are its own")
        .isEmpty();
    assertArmError(
        http.send("GET", list + V, null, "Authorization", "Bearer nope"),
        401,
        "InvalidAuthenticationToken");
  }
}
