package dev.lazurite.searchservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.RawHttp;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search service's {@code publicNetworkAccess}, IP rules and private endpoints: set through ARM,
 * enforced on its REST API with Search's bare 403, served privately on the endpoint's address, and
 * On Your Data still reaching a locked-down service.
 */
class SearchNetworkIsolationTest {
  static final String INDEXES = "/indexes?api-version=2024-07-01";
  static TestingServer server;
  static TestingAccounts arm;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    arm = new TestingAccounts(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String service(String name) {
    return "/subscriptions/"
        + server.server().subscriptionId()
        + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/"
        + name;
  }

  static String adminKey(String name) {
    var keys = arm.arm("POST", service(name) + "/listAdminKeys", null);
    assertThat(keys.status()).as(keys.body()).isEqualTo(200);
    return keys.json().get("primaryKey").asText();
  }

  static RawHttp.Result get(String source, String host, int port, String path, String key)
      throws Exception {
    // The public listener is plain HTTP; private endpoints serve HTTPS with the local CA.
    return RawHttp.send(
        source,
        host,
        port,
        port == publicPort() ? null : server.trustingLocalCa(),
        "GET",
        path,
        null,
        "api-key",
        key);
  }

  static int publicPort() {
    return URI.create(server.endpoint()).getPort();
  }

  static int freePort(String address) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aPutWithoutABodyLocationOrKnownSkuIsRefusedAndCreatesNothing() {
    String path = service("refused");
    for (String body :
        new String[] {
          null,
          "{}",
          "{\"location\":\"local\"}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"bogus\"}}",
          "{\"location\":\"local\",\"sku\":\"basic\"}",
          "{\"location\":5,\"sku\":{\"name\":\"basic\"}}",
          "{\"sku\":{\"name\":\"basic\"}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":\"x\"}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"publicNetworkAccess\":\"maybe\"}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"publicNetworkAccess\":5}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":\"x\"}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":{\"ipRules\":\"x\"}}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"nope\"}]}}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":5}]}}}",
          "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":{\"ipRules\":[\"10.0.0.1\"]}}}",
          "[1]",
          "{not json"
        }) {
      var refused = arm.arm("PUT", path, body);
      assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
      assertThat(refused.json().at("/error/code").asText())
          .as(String.valueOf(body))
          .isEqualTo("InvalidRequestContent");
    }
    var bogus = arm.arm("PUT", path, "{\"location\":\"local\",\"sku\":{\"name\":\"bogus\"}}");
    assertThat(bogus.json().at("/error/message").asText()).contains("'bogus'").contains("basic");
    var tooMany = new StringBuilder("[");
    for (int i = 0; i <= 1000; i++) {
      tooMany
          .append(i == 0 ? "" : ",")
          .append("{\"value\":\"10.0.")
          .append(i / 256)
          .append('.')
          .append(i % 256)
          .append("\"}");
    }
    var many =
        arm.arm(
            "PUT",
            path,
            "{\"location\":\"local\",\"sku\":{\"name\":\"basic\"},\"properties\":{\"networkRuleSet\":{\"ipRules\":"
                + tooMany
                + "]}}}");
    assertThat(many.status()).isEqualTo(400);
    assertThat(arm.arm("GET", path, null).status()).as("nothing was created").isEqualTo(404);
    assertThat(arm.arm("PATCH", path, "{}").status()).isEqualTo(404);
  }

  @Test
  void aServiceCreatedLockedDownIsLockedDownAndPatchChangesOnlyWhatItNames() throws Exception {
    var created =
        arm.arm(
            "PUT",
            service("locked"),
            "{\"location\":\"local\",\"sku\":{\"name\":\"Basic\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/properties/publicNetworkAccess").asText()).isEqualTo("disabled");
    assertThat(created.json().at("/sku/name").asText()).isEqualTo("basic");
    String key = adminKey("locked");
    var refused = get("127.0.0.1", "127.0.0.1", publicPort(), "/search/locked" + INDEXES, key);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).as("Search's generic 403 has no details").isEmpty();
    var unauthenticated =
        RawHttp.send(
            "127.0.0.1", "127.0.0.1", publicPort(), null, "GET", "/search/locked" + INDEXES, null);
    assertThat(unauthenticated.status()).as("network rules come before keys").isEqualTo(403);

    var badPatch =
        arm.arm("PATCH", service("locked"), "{\"properties\":{\"publicNetworkAccess\":\"open\"}}");
    assertThat(badPatch.status()).isEqualTo(400);
    assertThat(
            get("127.0.0.1", "127.0.0.1", publicPort(), "/search/locked" + INDEXES, key).status())
        .as("a refused PATCH changes nothing")
        .isEqualTo(403);

    var rules =
        arm.arm(
            "PATCH",
            service("locked"),
            "{\"properties\":{\"publicNetworkAccess\":\"enabled\",\"networkRuleSet\":{\"ipRules\":[{\"value\":\"127.0.0.3\"}]}}}");
    assertThat(rules.status()).as(rules.body()).isEqualTo(200);
    assertThat(rules.json().at("/properties/networkRuleSet/ipRules/0/value").asText())
        .isEqualTo("127.0.0.3");
    assertThat(rules.json().at("/sku/name").asText()).as("PATCH keeps the SKU").isEqualTo("basic");
    assertThat(
            get("127.0.0.1", "127.0.0.1", publicPort(), "/search/locked" + INDEXES, key).status())
        .isEqualTo(403);
    assertThat(
            get("127.0.0.3", "127.0.0.1", publicPort(), "/search/locked" + INDEXES, key).status())
        .isEqualTo(200);

    var open =
        arm.arm(
            "PATCH", service("locked"), "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[]}}}");
    assertThat(open.json().at("/properties/publicNetworkAccess").asText()).isEqualTo("enabled");
    assertThat(
            get("127.0.0.1", "127.0.0.1", publicPort(), "/search/locked" + INDEXES, key).status())
        .isEqualTo(200);
  }

  @Test
  void aPrivateEndpointServesTheServiceWhenPublicAccessIsDisabled() throws Exception {
    TestingCli.run(server, "search", "create", "--name", "private-kb");
    String key = adminKey("private-kb");
    int port = freePort("127.0.0.2");
    String endpoints = service("private-kb") + "/privateEndpoints";
    var created =
        arm.arm(
            "PUT",
            endpoints + "/pe1",
            "{\"properties\":{\"address\":\"127.0.0.2\",\"port\":" + port + "}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/properties/privateLinkHost").asText())
        .isEqualTo("private-kb.privatelink.search.windows.net");
    var disabled =
        arm.arm(
            "PATCH",
            service("private-kb"),
            "{\"properties\":{\"publicNetworkAccess\":\"disabled\"}}");
    assertThat(disabled.json().at("/properties/privateEndpointConnections/0/name").asText())
        .isEqualTo("pe1");

    assertThat(
            get("127.0.0.1", "127.0.0.1", publicPort(), "/search/private-kb" + INDEXES, key)
                .status())
        .isEqualTo(403);
    var privately = get("127.0.0.1", "127.0.0.2", port, "/search/private-kb" + INDEXES, key);
    assertThat(privately.status()).as(privately.body()).isEqualTo(200);
    var atRoot = get("127.0.0.1", "127.0.0.2", port, INDEXES, key);
    assertThat(atRoot.status())
        .as("https://private-kb.search.windows.net resolved to the endpoint")
        .isEqualTo(200);
    var otherService = get("127.0.0.1", "127.0.0.2", port, "/search/locked" + INDEXES, key);
    assertThat(otherService.status()).isIn(403, 404);

    JsonNode zoneAnswer = arm.arm("GET", endpoints, null).json();
    assertThat(zoneAnswer.path("value")).hasSize(1);
    String zone = dnsZone("private-kb");
    assertThat(zone)
        .contains("$ORIGIN privatelink.search.windows.net.")
        .contains("private-kb IN A 127.0.0.2")
        .contains(
            "127.0.0.2 private-kb.privatelink.search.windows.net private-kb.search.windows.net");

    assertThat(arm.arm("DELETE", endpoints + "/pe1", null).status()).isEqualTo(200);
    assertThat(arm.arm("DELETE", endpoints + "/pe1", null).status()).isEqualTo(204);
    assertThat(arm.arm("GET", endpoints + "/pe1", null).status()).isEqualTo(404);
  }

  @Test
  void aPrivateEndpointsSourceRangeIsEnforced() throws Exception {
    TestingCli.run(server, "search", "create", "--name", "ranged");
    String key = adminKey("ranged");
    int port = freePort("127.0.0.4");
    var created =
        arm.arm(
            "PUT",
            service("ranged") + "/privateEndpoints/pe",
            "{\"properties\":{\"address\":\"127.0.0.4\",\"port\":"
                + port
                + ",\"sourceRange\":\"127.0.0.5/32\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(get("127.0.0.1", "127.0.0.4", port, INDEXES, key).status()).isEqualTo(403);
    assertThat(get("127.0.0.5", "127.0.0.4", port, INDEXES, key).status()).isEqualTo(200);
  }

  @Test
  void privateEndpointRequestsAreValidated() throws Exception {
    TestingCli.run(server, "search", "create", "--name", "pe-checks");
    String endpoints = service("pe-checks") + "/privateEndpoints";
    int port = freePort("127.0.0.6");
    for (String body :
        new String[] {
          "{}",
          "{\"properties\":\"x\"}",
          "{\"properties\":{}}",
          "{\"properties\":{\"address\":\"not-an-ip\"}}",
          "{\"properties\":{\"address\":5}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"port\":0}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"port\":70000}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"port\":\"x\"}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"port\":1.5}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"sourceRange\":\"nope\"}}",
          "{\"properties\":{\"address\":\"127.0.0.6\",\"sourceRange\":5}}",
          "{broken"
        }) {
      var refused = arm.arm("PUT", endpoints + "/pe", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
    }
    assertThat(
            arm.arm(
                    "PUT",
                    endpoints + "/bad%20name!",
                    "{\"properties\":{\"address\":\"127.0.0.6\"}}")
                .status())
        .isEqualTo(400);
    assertThat(arm.arm("GET", endpoints, null).json().path("value"))
        .as("nothing was stored")
        .isEmpty();
    String ok = "{\"properties\":{\"address\":\"127.0.0.6\",\"port\":" + port + "}}";
    assertThat(arm.arm("PUT", endpoints + "/pe", ok).status()).isEqualTo(201);
    assertThat(arm.arm("PUT", endpoints + "/pe", ok).status()).as("same name").isEqualTo(409);
    TestingCli.run(server, "search", "create", "--name", "pe-other");
    var sameAddress = arm.arm("PUT", service("pe-other") + "/privateEndpoints/pe2", ok);
    assertThat(sameAddress.status()).as("another service's address").isEqualTo(409);
    int accountPort = freePort("127.0.0.7");
    var accountEndpoint =
        arm.arm(
            "PUT",
            arm.id("lazurite") + "/privateEndpoints/acct-pe",
            "{\"properties\":{\"address\":\"127.0.0.7\",\"port\":" + accountPort + "}}");
    assertThat(accountEndpoint.status()).as(accountEndpoint.body()).isEqualTo(201);
    var onAccountsAddress =
        arm.arm(
            "PUT",
            endpoints + "/pe3",
            "{\"properties\":{\"address\":\"127.0.0.7\",\"port\":" + accountPort + "}}");
    assertThat(onAccountsAddress.status()).as("an account's address").isEqualTo(409);
    assertThat(arm.arm("DELETE", arm.id("lazurite") + "/privateEndpoints/acct-pe", null).status())
        .isEqualTo(200);
    assertThat(arm.arm("PUT", service("nosuch") + "/privateEndpoints/pe", ok).status())
        .isEqualTo(404);
    assertThat(arm.arm("PATCH", endpoints + "/pe", ok).status()).isEqualTo(405);
  }

  @Test
  void aNameTakenInAnotherResourceGroupIsRefusedAndLeavesTheServiceAsItWas() {
    TestingCli.run(server, "search", "create", "--name", "taken");
    var elsewhere =
        arm.arm(
            "PUT",
            service("taken").replace("/resourceGroups/lazurite/", "/resourceGroups/other/"),
            "{\"location\":\"westus\",\"sku\":{\"name\":\"standard\"}}");
    assertThat(elsewhere.status()).isIn(404, 409);
    var kept = arm.arm("GET", service("taken"), null).json();
    assertThat(kept.at("/sku/name").asText()).isEqualTo("basic");
    assertThat(kept.at("/location").asText()).isEqualTo("local");
  }

  @Test
  void anIndexOfMoreThanAThousandFieldsIsRefused() {
    TestingCli.run(server, "search", "create", "--name", "wide");
    String key = adminKey("wide");
    StringBuilder fields =
        new StringBuilder("[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true}");
    for (int i = 1; i <= 1000; i++) {
      fields.append(",{\"name\":\"f").append(i).append("\",\"type\":\"Edm.String\"}");
    }
    var refused =
        new TestingHttp(server.endpoint(), key)
            .send(
                "PUT",
                "/search/wide/indexes/wide?api-version=2024-07-01",
                "{\"name\":\"wide\",\"fields\":" + fields + "]}",
                "api-key",
                key);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().at("/error/message").asText())
        .contains("1001 fields")
        .contains("1000");
    var missing =
        new TestingHttp(server.endpoint(), key)
            .send("GET", "/search/wide/indexes/wide?api-version=2024-07-01", null, "api-key", key);
    assertThat(missing.status()).isEqualTo(404);
  }

  static String dnsZone(String service) {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cli = dev.lazurite.cli.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    int code =
        cli.execute(
            "dns", "zone", "--search-service", service, "--data-dir", server.dataDir().toString());
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  static JsonNode json(String text) {
    return Json.read(text, JsonNode.class);
  }
}
