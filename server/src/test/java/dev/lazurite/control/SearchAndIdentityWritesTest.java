package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search services and identities are written the control plane's way: each accepted change is heard
 * once as a control event naming the resource, and a refused one changes nothing and is not heard.
 */
class SearchAndIdentityWritesTest {
  static final String V = "?api-version=2024-10-01";
  static final String IDENTITY = "/lazurite/identity";
  static TestingServer server;
  static TestingHttp http;
  static String services;
  static final List<ControlEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    services =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices";
    server.server().control().listen(events::add);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result send(String method, String path, String body) {
    return http.send(
        method,
        path,
        body,
        "Authorization",
        "Bearer " + server.server().adminToken(),
        "Content-Type",
        "application/json");
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return send(method, path + V, body);
  }

  static String state(String path) {
    var result = path.startsWith(IDENTITY) ? send("GET", path, null) : arm("GET", path, null);
    return result.status() + " " + result.body();
  }

  /** Sends a refused request; proves it emitted nothing and what {@code shown} returns is kept. */
  static void refusedUnchanged(
      String method, String path, String body, int status, String... shown) {
    String[] before = new String[shown.length];
    for (int i = 0; i < shown.length; i++) {
      before[i] = state(shown[i]);
    }
    int heard = events.size();
    var result = path.startsWith(IDENTITY) ? send(method, path, body) : arm(method, path, body);
    assertThat(result.status())
        .as("%s %s %s: %s", method, path, body, result.body())
        .isEqualTo(status);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
    assertThat(events.size()).as("a refused request emits no control event").isEqualTo(heard);
    for (int i = 0; i < shown.length; i++) {
      assertThat(state(shown[i])).as("%s after %s %s", shown[i], method, path).isEqualTo(before[i]);
    }
  }

  /** Sends an accepted request and returns the one event it emitted. */
  static ControlEvent heardOnce(java.util.function.Supplier<TestingHttp.Result> call, int status) {
    int before = events.size();
    var result = call.get();
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(events.size()).as("one control event").isEqualTo(before + 1);
    return events.getLast();
  }

  @Test
  void searchServiceWritesAreHeardOnceAndBadInputChangesNothing() {
    String kb = services + "/writes-kb";
    int before = events.size();
    var created = arm("PUT", kb, "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(events.size()).isEqualTo(before + 1);
    assertThat(events.getLast().resourceId()).isEqualTo(kb);
    assertThat(events.getLast().operation()).isEqualTo(ControlEvent.Operation.CREATE);

    String keys = kb + "/listAdminKeys";
    // listAdminKeys is a POST: compare its answers by hand.
    String adminKeys = arm("POST", keys, null).body();
    refusedUnchanged("POST", kb + "/regenerateAdminKey/tertiary", null, 400, kb);
    refusedUnchanged("POST", kb + "/regenerateAdminKey", null, 400, kb);
    assertThat(arm("POST", keys, null).body()).as("both admin keys kept").isEqualTo(adminKeys);

    // The name is taken in another resource group.
    String elsewhere =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/other/providers/Microsoft.Search/searchServices/writes-kb";
    assertThat(
            arm(
                    "PUT",
                    "/subscriptions/" + server.server().subscriptionId() + "/resourceGroups/other",
                    "{\"location\":\"local\"}")
                .status())
        .isIn(200, 201);
    refusedUnchanged(
        "PUT", elsewhere, "{\"location\":\"local\",\"sku\":{\"name\":\"free\"}}", 409, kb);

    int heard = events.size();
    assertThat(arm("DELETE", elsewhere, null).status())
        .as("deleting the name in another resource group deletes nothing")
        .isEqualTo(204);
    assertThat(arm("GET", kb, null).status()).isEqualTo(200);
    assertThat(events.size()).isEqualTo(heard);

    for (String body :
        new String[] {
          "{\"properties\":{\"publicNetworkAccess\":\"open\"}}",
          "{\"sku\":{\"name\":\"bogus\"}}",
          "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"nope\"}]}}}",
          "{\"properties\":{\"publicNetworkAccess\":\"disabled\",\"networkRuleSet\":{\"ipRules\":[{\"value\":5}]}}}",
          "{not json"
        }) {
      refusedUnchanged("PATCH", kb, body, 400, kb);
    }

    String endpoints = kb + "/privateEndpoints";
    for (String body :
        new String[] {
          "{\"properties\":{\"address\":\"not-an-ip\"}}",
          "{\"properties\":{\"address\":\"127.0.0.9\",\"port\":70000}}",
          "{\"properties\":{\"address\":\"127.0.0.9\",\"sourceRange\":5}}",
          "{\"properties\":\"x\"}",
          "[1]"
        }) {
      refusedUnchanged("PUT", endpoints + "/pe1", body, 400, kb, endpoints);
    }

    var regenerated = heardOnce(() -> arm("POST", kb + "/regenerateAdminKey/secondary", null), 200);
    assertThat(regenerated.operation()).isEqualTo(ControlEvent.Operation.ACTION);
    var patched =
        heardOnce(
            () -> arm("PATCH", kb, "{\"properties\":{\"publicNetworkAccess\":\"disabled\"}}"), 200);
    assertThat(patched.operation()).isEqualTo(ControlEvent.Operation.UPDATE);
    var deleted = heardOnce(() -> arm("DELETE", kb, null), 200);
    assertThat(deleted.operation()).isEqualTo(ControlEvent.Operation.DELETE);
    assertThat(deleted.resourceId()).isEqualTo(kb);
    int after = events.size();
    assertThat(arm("DELETE", kb, null).status()).isEqualTo(204);
    assertThat(events.size()).as("deleting nothing is not a change").isEqualTo(after);
  }

  @Test
  void identityWritesAreHeardOnceAndBadInputChangesNothing() {
    String principals = IDENTITY + "/servicePrincipals";
    String groups = IDENTITY + "/groups";
    var sp = send("POST", principals, "{\"displayName\":\"writes-app\"}");
    assertThat(sp.status()).as(sp.body()).isEqualTo(201);
    String appId = sp.json().get("appId").asText();
    String objectId = sp.json().get("objectId").asText();
    assertThat(events.getLast().resourceId()).isEqualTo("/servicePrincipals/" + objectId);
    String secrets = principals + "/" + appId + "/secrets";

    for (String body :
        new String[] {
          "{\"displayName\":\"writes-app\"}",
          "{\"displayName\":\"\"}",
          "{\"displayName\":5}",
          "{\"displayName\":\"" + "x".repeat(200) + "\"}",
          "{}",
          "[1]",
          "{not json"
        }) {
      refusedUnchanged("POST", principals, body, 400, principals, secrets);
    }
    refusedUnchanged(
        "POST",
        IDENTITY + "/managedIdentities",
        "{\"name\":\"-bad\"}",
        400,
        IDENTITY + "/managedIdentities");
    refusedUnchanged("POST", groups, "{\"displayName\":[]}", 400, groups);

    var group = send("POST", groups, "{\"displayName\":\"writes-team\"}");
    assertThat(group.status()).isEqualTo(201);
    String groupId = group.json().get("objectId").asText();
    String members = groups + "/" + groupId + "/members";
    refusedUnchanged(
        "POST", members, "{\"memberId\":\"" + java.util.UUID.randomUUID() + "\"}", 400, groups);
    refusedUnchanged(
        "POST",
        groups + "/" + java.util.UUID.randomUUID() + "/members",
        "{\"memberId\":\"" + objectId + "\"}",
        400,
        groups);
    refusedUnchanged("POST", members, "{\"memberId\":5}", 400, groups);
    assertThat(server.server().identities().tokenFor("api://x", objectId, appId).accessToken())
        .isNotBlank();
    var joined = heardOnce(() -> send("POST", members, "{\"memberId\":\"" + objectId + "\"}"), 204);
    assertThat(joined.resourceId()).isEqualTo("/groups/" + groupId + "/members/" + objectId);

    // Secrets: another one added, a wrong key id or app refused, one deleted.
    var added = heardOnce(() -> send("POST", secrets, null), 201);
    assertThat(added.operation()).isEqualTo(ControlEvent.Operation.CREATE);
    assertThat(send("GET", secrets, null).json().get("value")).hasSize(2);
    refusedUnchanged("DELETE", secrets + "/" + java.util.UUID.randomUUID(), null, 404, secrets);
    refusedUnchanged(
        "DELETE",
        principals + "/" + java.util.UUID.randomUUID() + "/secrets/x",
        null,
        404,
        secrets);
    refusedUnchanged(
        "POST", principals + "/" + java.util.UUID.randomUUID() + "/secrets", null, 404, principals);
    String keyId = send("GET", secrets, null).json().at("/value/0/keyId").asText();
    var removed = heardOnce(() -> send("DELETE", secrets + "/" + keyId, null), 204);
    assertThat(removed.operation()).isEqualTo(ControlEvent.Operation.DELETE);
    assertThat(send("GET", secrets, null).json().get("value")).hasSize(1);
  }
}
