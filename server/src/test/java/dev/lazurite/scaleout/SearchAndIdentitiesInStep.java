package dev.lazurite.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.RawHttp;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Search services and identities changed through the first instance, each checked on every other
 * instance: a search service's regenerated admin key, its IP rules and public network access, a
 * service principal's deleted client secret, and a new group membership. Each must be in force
 * everywhere within one second of the change.
 */
final class SearchAndIdentitiesInStep {
  static final String INDEXES = "/indexes?api-version=2024-07-01";

  private final Instances instances;
  private final InstancesInStep inStep;
  private final String service;

  SearchAndIdentitiesInStep(Instances instances, InstancesInStep inStep) {
    this.instances = instances;
    this.inStep = inStep;
    this.service =
        "/subscriptions/"
            + instances.get(0).server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/in-step";
  }

  /** A search request to instance {@code i} from {@code source} (another host on loopback). */
  private int search(int i, String source, String key) {
    int port = URI.create(instances.get(i).endpoint()).getPort();
    try {
      return RawHttp.send(
              source,
              "127.0.0.1",
              port,
              null,
              "GET",
              "/search/in-step" + INDEXES,
              null,
              "api-key",
              key)
          .status();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private TestingHttp.Result arm(String method, String path, String body) {
    return inStep.arm(0, method, path, body);
  }

  private static long changedAt(TestingHttp.Result result, int expected) {
    long now = System.nanoTime();
    assertThat(result.status()).as(result.body()).isEqualTo(expected);
    return now;
  }

  void run() throws Exception {
    searchService();
    identities();
  }

  private void searchService() throws Exception {
    long created =
        changedAt(
            arm("PUT", service, "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"}}"), 201);
    String key = arm("POST", service + "/listAdminKeys", null).json().get("primaryKey").asText();
    inStep.inForceEverywhere(
        "the new search service", created, i -> search(i, "127.0.0.1", key), 200);

    // A regenerated admin key stops working everywhere.
    var regenerated = arm("POST", service + "/regenerateAdminKey/primary", null);
    long at = changedAt(regenerated, 200);
    String newKey = regenerated.json().get("primaryKey").asText();
    assertThat(newKey).isNotEqualTo(key);
    inStep.inForceEverywhere(
        "the regenerated admin key (old key)", at, i -> search(i, "127.0.0.1", key), 403);
    inStep.inForceEverywhere(
        "the regenerated admin key (new key)", at, i -> search(i, "127.0.0.1", newKey), 200);

    // IP rules that leave this client out, then none.
    long ruled =
        changedAt(
            arm(
                "PATCH",
                service,
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"127.0.0.3\"}]}}}"),
            200);
    inStep.inForceEverywhere(
        "search IP rules (client left out)", ruled, i -> search(i, "127.0.0.1", newKey), 403);
    inStep.inForceEverywhere(
        "search IP rules (client let in)", ruled, i -> search(i, "127.0.0.3", newKey), 200);
    long lifted =
        changedAt(
            arm("PATCH", service, "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[]}}}"), 200);
    inStep.inForceEverywhere(
        "search IP rules lifted", lifted, i -> search(i, "127.0.0.1", newKey), 200);

    // Public network access off, then on again.
    long closed =
        changedAt(
            arm("PATCH", service, "{\"properties\":{\"publicNetworkAccess\":\"disabled\"}}"), 200);
    inStep.inForceEverywhere(
        "search public access disabled", closed, i -> search(i, "127.0.0.1", newKey), 403);
    long opened =
        changedAt(
            arm("PATCH", service, "{\"properties\":{\"publicNetworkAccess\":\"enabled\"}}"), 200);
    inStep.inForceEverywhere(
        "search public access enabled", opened, i -> search(i, "127.0.0.1", newKey), 200);

    // Deleted: gone everywhere.
    long deleted = changedAt(arm("DELETE", service, null), 200);
    inStep.inForceEverywhere(
        "the deleted search service", deleted, i -> search(i, "127.0.0.1", newKey), 404);
  }

  private String tokenPath() {
    return "/" + instances.get(0).server().identities().issuer().tenantId() + "/oauth2/v2.0/token";
  }

  /** The token endpoint of instance {@code i}, asked with a client secret. */
  private TestingHttp.Result token(int i, String appId, String secret) {
    return new TestingHttp(instances.get(i).endpoint(), "")
        .sendForm(
            tokenPath(),
            "grant_type=client_credentials&client_id="
                + appId
                + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default");
  }

  private void identities() throws Exception {
    TestingServer first = instances.get(0);
    var identities = first.server().identities();

    // A deleted client secret stops minting tokens everywhere; the other secret keeps working.
    var principal = identities.createServicePrincipal("in-step-app");
    String appId = principal.principal().appId();
    var second = identities.addClientSecret(appId);
    for (int i = 1; i < instances.size(); i++) {
      assertThat(token(i, appId, principal.secret()).status()).isEqualTo(200);
    }
    String firstKeyId =
        identities.clientSecretIds(appId).stream()
            .filter(id -> !id.equals(second.keyId()))
            .findFirst()
            .orElseThrow();
    var deleted =
        new TestingHttp(first.endpoint(), "")
            .send(
                "DELETE",
                "/lazurite/identity/servicePrincipals/" + appId + "/secrets/" + firstKeyId,
                null,
                "Authorization",
                "Bearer " + first.server().adminToken());
    long at = changedAt(deleted, 204);
    inStep.inForceEverywhere(
        "the deleted client secret", at, i -> token(i, appId, principal.secret()).status(), 401);
    inStep.inForceEverywhere(
        "the remaining client secret", at, i -> token(i, appId, second.secret()).status(), 200);

    // A group holds a role; a new member gets access through a token issued by another instance.
    var group = identities.createGroup("in-step-team");
    String role = BuiltInRoles.find("Cognitive Services OpenAI User").orElseThrow().id();
    long granted =
        changedAt(
            inStep.arm(
                0,
                "PUT",
                inStep.account()
                    + "/providers/Microsoft.Authorization/roleAssignments/"
                    + UUID.randomUUID(),
                "{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/roleDefinitions/"
                    + role
                    + "\",\"principalId\":\""
                    + group.objectId()
                    + "\"}}"),
            201);
    inStep.inForceEverywhere(
        "the group's role", granted, i -> chatWithToken(i, appId, second.secret()), 401);
    var added =
        new TestingHttp(first.endpoint(), "")
            .send(
                "POST",
                "/lazurite/identity/groups/" + group.objectId() + "/members",
                "{\"memberId\":\"" + principal.principal().objectId() + "\"}",
                "Authorization",
                "Bearer " + first.server().adminToken());
    long joined = changedAt(added, 204);
    inStep.inForceEverywhere(
        "the new group membership", joined, i -> chatWithToken(i, appId, second.secret()), 200);
  }

  /** A chat request to instance {@code i} with a token that instance issued for the secret. */
  private int chatWithToken(int i, String appId, String secret) {
    var issued = token(i, appId, secret);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    return InstancesInStep.withToken(instances.get(i), issued.json().get("access_token").asText())
        .status();
  }
}
