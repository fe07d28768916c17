package dev.lazurite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Accounts, deployments, keys and role assignments made through ARM, as a client makes them. */
public final class TestingAccounts {
  private final TestingServer server;
  private final TestingHttp http;

  public TestingAccounts(TestingServer server) {
    this.server = server;
    this.http = new TestingHttp(server.endpoint(), "");
  }

  /** The ARM id of an account in the default resource group. */
  public String id(String account) {
    return "/subscriptions/"
        + server.server().subscriptionId()
        + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/"
        + account;
  }

  public TestingHttp.Result arm(String method, String path, String body) {
    String separator = path.contains("?") ? "&" : "?";
    return http.send(
        method,
        path + separator + "api-version=2024-10-01",
        body,
        "Authorization",
        "Bearer " + server.server().adminToken());
  }

  /** Creates an account with a {@code gpt-4o} deployment. */
  public void create(String account) {
    var created =
        arm(
            "PUT",
            id(account),
            "{\"kind\":\"OpenAI\",\"sku\":{\"name\":\"S0\"},\"location\":\"swedencentral\",\"properties\":{}}");
    assertThat(created.status()).as(created.body()).isIn(200, 201);
    var deployed =
        arm(
            "PUT",
            id(account) + "/deployments/gpt-4o",
            "{\"sku\":{\"name\":\"Standard\",\"capacity\":10},\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"gpt-4o\"}}}");
    assertThat(deployed.status()).as(deployed.body()).isIn(200, 201);
  }

  /** The account as ARM shows it. */
  public JsonNode show(String account) {
    var shown = arm("GET", id(account), null);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    return shown.json();
  }

  /** The endpoint ARM prints for the account. */
  public String endpoint(String account) {
    return show(account).at("/properties/endpoint").asText();
  }

  public String key1(String account) {
    var keys = arm("POST", id(account) + "/listKeys", null);
    assertThat(keys.status()).as(keys.body()).isEqualTo(200);
    return keys.json().get("key1").asText();
  }

  /** Grants a principal a built-in role (by its Azure role-definition GUID) on an account. */
  public void grant(String objectId, String roleDefinitionGuid, String account) {
    var granted =
        arm(
            "PUT",
            id(account) + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID(),
            "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                + server.server().subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/"
                + roleDefinitionGuid
                + "\",\"principalId\":\""
                + objectId
                + "\"}}");
    assertThat(granted.status()).as(granted.body()).isIn(200, 201);
  }
}
