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
 * Every mutating ARM route checks the whole request before it writes: a refused request leaves what
 * GET and list show, and what the data plane serves, exactly as it was.
 */
class ArmBadInputTest {
  static final String V = "?api-version=2024-10-01";
  static TestingServer server;
  static TestingHttp http;
  static String account;
  static final List<ControlEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    account =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
    assertThat(
            arm("PUT", "/backends/spare", "{\"properties\": {\"kind\": \"simulator\"}}").status())
        .isEqualTo(201);
    server.server().control().listen(events::add);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return http.send(
        method,
        account + path + V,
        body,
        "Authorization",
        "Bearer " + server.server().adminToken());
  }

  static String state(String path) {
    var result = arm("GET", path, null);
    return result.status() + " " + result.body();
  }

  /** Sends a refused request and proves what {@code shown} returns did not change. */
  static void refusedUnchanged(
      String method, String path, String body, int status, String code, String... shown) {
    String[] before = new String[shown.length];
    for (int i = 0; i < shown.length; i++) {
      before[i] = state(shown[i]);
    }
    int heard = events.size();
    var result = arm(method, path, body);
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(events.size()).as("a refused request emits no control event").isEqualTo(heard);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
    for (int i = 0; i < shown.length; i++) {
      assertThat(state(shown[i])).as("%s after %s %s", shown[i], method, path).isEqualTo(before[i]);
    }
  }

  static int chat(String key) {
    return http.send(
            "POST",
            "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":5}",
            "api-key",
            key)
        .status();
  }

  @Test
  void accountPutWithAWrongTypeCreatesNothing() {
    String path = account.replace("/accounts/lazurite", "/accounts/team-x");
    for (String body :
        new String[] {
          "{\"location\": \"eastus\", \"kind\": 5}",
          "{\"location\": \"eastus\", \"sku\": \"S0\"}",
          "{\"location\": \"eastus\", \"properties\": \"x\"}",
          "{\"location\": \"eastus\", \"tags\": {\"team\": 5}}",
          "{\"location\": \"eastus\", \"tags\": [\"a\"]}",
          "{\"location\": \"eastus\", \"properties\": {\"disableLocalAuth\": \"yes\"}}",
          "{\"location\": \"eastus\", \"properties\": {\"networkAcls\": {\"ipRules\": [{\"value\": \"nope\"}]}}}",
          "{\"location\": \"eastus\", \"properties\": {\"customSubDomainName\": \"-bad-\"}}",
          "{\"location\": 7}",
          "{\"kind\": \"OpenAI\"}",
          "[1]",
          "{"
        }) {
      var result =
          http.send(
              "PUT", path + V, body, "Authorization", "Bearer " + server.server().adminToken());
      assertThat(result.status()).as(body).isEqualTo(400);
      assertThat(result.json().at("/error/code").asText())
          .as(body)
          .isEqualTo("InvalidRequestContent");
      assertThat(
              http.send(
                      "GET",
                      path + V,
                      null,
                      "Authorization",
                      "Bearer " + server.server().adminToken())
                  .status())
          .as("nothing created by %s", body)
          .isEqualTo(404);
    }
  }

  @Test
  void accountPutAndPatchWithOneBadFieldChangeNothing() {
    refusedUnchanged(
        "PATCH",
        "",
        "{\"properties\": {\"disableLocalAuth\": true, \"networkAcls\": {\"ipRules\": [{\"value\": \"300.1.1.1\"}]}}}",
        400,
        "InvalidRequestContent",
        "");
    assertThat(chat(server.key())).as("local auth still on").isEqualTo(200);
    refusedUnchanged(
        "PUT",
        "",
        "{\"location\": \"eastus\", \"tags\": {\"a\": \"b\"}, \"properties\": {\"publicNetworkAccess\": \"Sometimes\"}}",
        400,
        "InvalidRequestContent",
        "");
    refusedUnchanged(
        "PATCH", "", "{\"kind\": \"AIServices\"}", 400, "PropertyChangeNotAllowed", "");
    assertThat(chat(server.key())).isEqualTo(200);
  }

  @Test
  void accountDeleteInAnotherResourceGroupDeletesNothing() {
    String before = state("");
    var result =
        http.send(
            "DELETE",
            account.replace("/resourceGroups/lazurite/", "/resourceGroups/elsewhere/") + V,
            null,
            "Authorization",
            "Bearer " + server.server().adminToken());
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("ResourceNotFound");
    assertThat(state("")).isEqualTo(before);
  }

  @Test
  void regenerateKeyWithABadKeyNameKeepsBothKeys() {
    String keys = arm("POST", "/listKeys", null).body();
    for (String body : new String[] {"{\"keyName\": \"Key3\"}", "{\"keyName\": 1}", "{}"}) {
      var result = arm("POST", "/regenerateKey", body);
      assertThat(result.status()).as(body).isEqualTo(400);
      assertThat(result.json().at("/error/code").asText()).isEqualTo("InvalidRequestContent");
    }
    assertThat(arm("POST", "/listKeys", null).body()).isEqualTo(keys);
    assertThat(chat(server.key())).isEqualTo(200);
  }

  @Test
  void deploymentPutNamingAnUnknownPoolMemberStoresNothing() {
    refusedUnchanged(
        "PUT",
        "/deployments/pooled",
        "{\"sku\": {\"name\": \"Standard\", \"capacity\": 1}, \"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"backendPool\": [\"spare\", \"ghost\"]}}",
        400,
        "InvalidRequestContent",
        "/deployments/pooled",
        "/deployments");
    assertThat(state("/deployments/pooled")).startsWith("404");
    refusedUnchanged(
        "PUT",
        "/deployments/gpt-4o",
        "{\"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"backendPool\": [\"ghost\"]}}",
        400,
        "InvalidRequestContent",
        "/deployments/gpt-4o");
    refusedUnchanged(
        "PUT",
        "/deployments/gpt-4o",
        "{\"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"raiPolicyName\": \"missing\"}}",
        400,
        "InvalidRequestContent",
        "/deployments/gpt-4o");
    refusedUnchanged(
        "PUT",
        "/deployments/gpt-4o",
        "{\"sku\": \"Standard\", \"properties\": {\"model\": {\"name\": \"gpt-4o\"}}}",
        400,
        "InvalidRequestContent",
        "/deployments/gpt-4o");
    assertThat(chat(server.key())).isEqualTo(200);
  }

  @Test
  void deploymentPatchWithABadCapacityChangesNothing() {
    refusedUnchanged(
        "PATCH",
        "/deployments/gpt-4o",
        "{\"sku\": {\"capacity\": \"lots\"}}",
        400,
        "InvalidRequestContent",
        "/deployments/gpt-4o");
    refusedUnchanged(
        "PATCH",
        "/deployments/gpt-4o",
        "{\"sku\": {\"capacity\": 0}}",
        400,
        "InvalidRequestContent",
        "/deployments/gpt-4o");
  }

  @Test
  void deletingAnUnknownDeploymentLeavesTheList() {
    String before = state("/deployments");
    assertThat(arm("DELETE", "/deployments/never-made", null).status()).isEqualTo(204);
    assertThat(state("/deployments")).isEqualTo(before);
  }

  @Test
  void backendPutWithBadFaultsStoresNothing() {
    for (String faults :
        new String[] {
          "{\"latencyMs\": 1e400}",
          "{\"hangMs\": -5}",
          "{\"latencyMs\": 1.5}",
          "{\"rate429\": 2}",
          "{\"rate500\": \"half\"}",
          "\"none\""
        }) {
      refusedUnchanged(
          "PUT",
          "/backends/faulty",
          "{\"properties\": {\"kind\": \"simulator\", \"faults\": " + faults + "}}",
          400,
          "InvalidRequestContent",
          "/backends/faulty",
          "/backends");
      assertThat(state("/backends/faulty")).startsWith("404");
    }
    refusedUnchanged(
        "PUT",
        "/backends/spare",
        "{\"properties\": {\"kind\": \"simulator\", \"faults\": {\"hangMs\": -5}}}",
        400,
        "InvalidRequestContent",
        "/backends/spare");
  }

  @Test
  void deletingAPooledBackendIsRefusedAndKeepsIt() {
    assertThat(
            arm("PUT", "/backends/in-use", "{\"properties\": {\"kind\": \"simulator\"}}").status())
        .isEqualTo(201);
    assertThat(
            arm(
                    "PUT",
                    "/deployments/uses-pool",
                    "{\"sku\": {\"name\": \"Standard\", \"capacity\": 1}, \"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"backendPool\": [\"in-use\"]}}")
                .status())
        .isEqualTo(201);
    refusedUnchanged(
        "DELETE", "/backends/in-use", null, 409, "Conflict", "/backends", "/deployments/uses-pool");
  }

  @Test
  void privateEndpointPutWithBadFieldsCreatesNothing() {
    for (String properties :
        new String[] {
          "{\"address\": \"127.0.0.1\", \"port\": 70000}",
          "{\"address\": \"127.0.0.1\", \"port\": \"x\"}",
          "{\"address\": 127, \"port\": 8443}",
          "{\"address\": \"not-an-ip\", \"port\": 8443}",
          "{\"address\": \"127.0.0.1\", \"port\": 18443, \"sourceRange\": \"nope\"}"
        }) {
      refusedUnchanged(
          "PUT",
          "/privateEndpoints/pe1",
          "{\"properties\": " + properties + "}",
          400,
          "InvalidRequestContent",
          "/privateEndpoints/pe1",
          "/privateEndpoints");
      assertThat(state("/privateEndpoints/pe1")).startsWith("404");
    }
  }

  @Test
  void raiPolicyPutWithAnUnknownBaseOrTooManyFiltersStoresNothing() {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"name\": \"Hate\", \"severityThreshold\": \"High\", \"source\": \"Prompt\"}");
    }
    many.append("]");
    for (String properties :
        new String[] {
          "{\"basePolicyName\": \"nope\"}",
          "{\"basePolicyName\": 5}",
          "{\"contentFilters\": " + many + "}",
          "{\"contentFilters\": [{\"name\": \"Hate\", \"source\": \"Prompt\"}, {\"name\": \"hate\", \"source\": \"Prompt\"}]}",
          "{\"contentFilters\": [{\"name\": 5, \"source\": \"Prompt\"}]}",
          "{\"mode\": 5}"
        }) {
      refusedUnchanged(
          "PUT",
          "/raiPolicies/custom",
          "{\"properties\": " + properties + "}",
          400,
          "InvalidRequestContent",
          "/raiPolicies/custom",
          "/raiPolicies");
      assertThat(state("/raiPolicies/custom")).startsWith("404");
    }
    refusedUnchanged(
        "DELETE",
        "/raiPolicies/Microsoft.DefaultV2",
        null,
        400,
        "InvalidRequestContent",
        "/raiPolicies");
  }

  @Test
  void blocklistAndItemPutsWithWrongTypesStoreNothing() {
    refusedUnchanged(
        "PUT",
        "/raiBlocklists/words",
        "{\"properties\": {\"description\": 5}}",
        400,
        "InvalidRequestContent",
        "/raiBlocklists/words",
        "/raiBlocklists");
    assertThat(state("/raiBlocklists/words")).startsWith("404");
    assertThat(arm("PUT", "/raiBlocklists/words", "{\"properties\": {}}").status()).isEqualTo(201);
    for (String body :
        new String[] {
          "{\"properties\": {\"pattern\": 5}}",
          "{\"properties\": {\"pattern\": \"x\", \"isRegex\": \"yes\"}}",
          "{\"properties\": \"x\"}",
          "{\"properties\": {\"pattern\": \"(\", \"isRegex\": true}}"
        }) {
      refusedUnchanged(
          "PUT",
          "/raiBlocklists/words/raiBlocklistItems/i1",
          body,
          400,
          "InvalidRequestContent",
          "/raiBlocklists/words/raiBlocklistItems");
    }
    assertThat(state("/raiBlocklists/words/raiBlocklistItems/i1")).startsWith("404");
  }

  @Test
  void addingItemsWithOneBadItemAddsNoneAndGoodItemsReachTheDataPlane() {
    assertThat(arm("PUT", "/raiBlocklists/secrets", "{\"properties\": {}}").status())
        .isEqualTo(201);
    refusedUnchanged(
        "POST",
        "/raiBlocklists/secrets/addRaiBlocklistItems",
        "[{\"name\": \"a\", \"properties\": {\"pattern\": \"Project Heron\"}},"
            + " {\"name\": \"b\", \"properties\": {\"pattern\": 5}}]",
        400,
        "InvalidRequestContent",
        "/raiBlocklists/secrets/raiBlocklistItems");
    refusedUnchanged(
        "POST",
        "/raiBlocklists/secrets/addRaiBlocklistItems",
        "[{\"name\": \"a\", \"properties\": {\"pattern\": \"x\"}},"
            + " {\"name\": \"a\", \"properties\": {\"pattern\": \"y\"}}]",
        400,
        "InvalidRequestContent",
        "/raiBlocklists/secrets/raiBlocklistItems");
    assertThat(
            arm(
                    "PUT",
                    "/raiPolicies/with-secrets",
                    "{\"properties\": {\"customBlocklists\": [{\"blocklistName\": \"secrets\", \"blocking\": true, \"source\": \"Prompt\"}]}}")
                .status())
        .isEqualTo(201);
    assertThat(
            arm(
                    "PUT",
                    "/deployments/guarded",
                    "{\"sku\": {\"name\": \"Standard\", \"capacity\": 20}, \"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"raiPolicyName\": \"with-secrets\"}}")
                .status())
        .isEqualTo(201);
    String heron =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about Project Heron\"}],\"max_tokens\":5}";
    String path = "/openai/deployments/guarded/chat/completions?api-version=2024-10-21";
    assertThat(http.post(path, heron).status()).isEqualTo(200);

    var added =
        arm(
            "POST",
            "/raiBlocklists/secrets/addRaiBlocklistItems",
            "[{\"name\": \"a\", \"properties\": {\"pattern\": \"Project Heron\"}},"
                + " {\"name\": \"b\", \"properties\": {\"pattern\": \"Project Ibis\"}}]");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(arm("GET", "/raiBlocklists/secrets/raiBlocklistItems", null).json().path("value"))
        .hasSize(2);
    var blocked = http.post(path, heron);
    assertThat(blocked.status()).as("added items are in force at once").isEqualTo(400);
    assertThat(
            blocked
                .json()
                .at("/error/innererror/content_filter_result/custom_blocklists/filtered")
                .asBoolean())
        .isTrue();
  }

  @Test
  void deletingWhatIsInUseOrMissingLeavesTheRest() {
    assertThat(arm("PUT", "/raiBlocklists/kept", "{\"properties\": {}}").status()).isEqualTo(201);
    assertThat(
            arm(
                    "PUT",
                    "/raiBlocklists/kept/raiBlocklistItems/k1",
                    "{\"properties\": {\"pattern\": \"Project Kestrel\"}}")
                .status())
        .isEqualTo(201);
    assertThat(
            arm(
                    "PUT",
                    "/raiPolicies/keeps",
                    "{\"properties\": {\"customBlocklists\": [{\"blocklistName\": \"kept\", \"source\": \"Prompt\"}]}}")
                .status())
        .isEqualTo(201);
    assertThat(
            arm(
                    "PUT",
                    "/deployments/kept-policy",
                    "{\"sku\": {\"name\": \"Standard\", \"capacity\": 1}, \"properties\": {\"model\": {\"name\": \"gpt-4o\"}, \"raiPolicyName\": \"keeps\"}}")
                .status())
        .isEqualTo(201);
    refusedUnchanged(
        "DELETE",
        "/raiBlocklists/kept",
        null,
        409,
        "Conflict",
        "/raiBlocklists",
        "/raiPolicies/keeps");
    refusedUnchanged(
        "DELETE",
        "/raiPolicies/keeps",
        null,
        409,
        "Conflict",
        "/raiPolicies",
        "/deployments/kept-policy");
    String items = state("/raiBlocklists/kept/raiBlocklistItems");
    assertThat(arm("DELETE", "/raiBlocklists/kept/raiBlocklistItems/none", null).status())
        .isEqualTo(204);
    assertThat(state("/raiBlocklists/kept/raiBlocklistItems")).isEqualTo(items);
    String endpoints = state("/privateEndpoints");
    assertThat(arm("DELETE", "/privateEndpoints/none", null).status()).isEqualTo(204);
    assertThat(state("/privateEndpoints")).isEqualTo(endpoints);
    refusedUnchanged(
        "DELETE",
        "/raiBlocklists/missing/raiBlocklistItems/k1",
        null,
        404,
        "ResourceNotFound",
        "/raiBlocklists");
  }
}
