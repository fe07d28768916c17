package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.event.ControlEvent;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account PUT creates exactly what it describes (locked-down network, local auth, tags, custom
 * subdomain); every change moves the etag and {@code lastModifiedAt} and names who made it.
 */
class AccountCreationTest {
  static final String V = "?api-version=2024-10-01";
  static TestingServer server;
  static TestingHttp http;
  static String rg;
  static final List<ControlEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    rg = "/subscriptions/" + server.server().subscriptionId() + "/resourceGroups/lazurite";
    server.server().control().listen(events::add);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String path(String name) {
    return rg + "/providers/Microsoft.CognitiveServices/accounts/" + name + V;
  }

  static TestingHttp.Result arm(String method, String name, String body) {
    return arm(method, name, body, "Bearer " + server.server().adminToken());
  }

  static TestingHttp.Result arm(String method, String name, String body, String bearer) {
    return http.send(method, path(name), body, "Authorization", bearer);
  }

  static TestingHttp.Result chatWithKeyOf(String name) {
    String key =
        http.send(
                "POST",
                path(name).replace(V, "/listKeys" + V),
                null,
                "Authorization",
                "Bearer " + server.server().adminToken())
            .json()
            .get("key1")
            .asText();
    return http.send(
        "POST",
        "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
        "api-key",
        key);
  }

  @Test
  void aLockedDownAccountIsCreatedLockedDown() {
    var created =
        arm(
            "PUT",
            "sealed",
            "{\"location\": \"eastus\", \"kind\": \"OpenAI\", \"sku\": {\"name\": \"S0\"},"
                + " \"properties\": {\"publicNetworkAccess\": \"Disabled\", \"disableLocalAuth\": true,"
                + " \"networkAcls\": {\"defaultAction\": \"Deny\", \"ipRules\": [{\"value\": \"203.0.113.0/24\"}]}}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode properties = created.json().path("properties");
    assertThat(properties.path("publicNetworkAccess").asText()).isEqualTo("Disabled");
    assertThat(properties.path("disableLocalAuth").asBoolean()).isTrue();
    assertThat(properties.at("/networkAcls/defaultAction").asText()).isEqualTo("Deny");
    assertThat(properties.at("/networkAcls/ipRules/0/value").asText()).isEqualTo("203.0.113.0/24");
    assertThat(arm("GET", "sealed", null).json().path("properties")).isEqualTo(properties);
    assertThat(chatWithKeyOf("sealed").status())
        .as("neither the public network nor a key reach it")
        .isIn(401, 403);

    var firewalled =
        arm(
            "PUT",
            "firewalled",
            "{\"location\": \"eastus\", \"properties\": {\"networkAcls\": {\"defaultAction\": \"Deny\","
                + " \"ipRules\": [{\"value\": \"203.0.113.7\"}]}}}");
    assertThat(firewalled.status()).isEqualTo(201);
    var outside = chatWithKeyOf("firewalled");
    assertThat(outside.status()).as("loopback is not in the IP rules").isEqualTo(403);
    assertThat(outside.body()).contains("Virtual Network/Firewall rules");
  }

  @Test
  void tagsAreKeptOnCreatePutAndPatch() {
    var created =
        arm("PUT", "tagged", "{\"location\": \"eastus\", \"tags\": {\"team\": \"search\"}}");
    assertThat(created.json().path("tags").toString()).isEqualTo("{\"team\":\"search\"}");
    assertThat(arm("GET", "tagged", null).json().path("tags").toString())
        .isEqualTo("{\"team\":\"search\"}");
    var patched = arm("PATCH", "tagged", "{\"tags\": {\"team\": \"chat\", \"cost\": \"7\"}}");
    assertThat(patched.json().path("tags").toString())
        .isEqualTo("{\"cost\":\"7\",\"team\":\"chat\"}");
    var put = arm("PUT", "tagged", "{\"location\": \"eastus\", \"tags\": {\"env\": \"prod\"}}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(arm("GET", "tagged", null).json().path("tags").toString())
        .as("a PUT states the whole tag set")
        .isEqualTo("{\"env\":\"prod\"}");
    var tooMany = new StringBuilder("{");
    for (int i = 0; i <= AccountMetadata.MAX_TAGS; i++) {
      tooMany.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": \"v\"");
    }
    tooMany.append("}");
    assertThat(arm("PATCH", "tagged", "{\"tags\": " + tooMany + "}").status()).isEqualTo(400);
  }

  @Test
  void theCustomSubdomainIsOnlyWhatWasAskedAndCannotChange() {
    var plain = arm("PUT", "no-subdomain", "{\"location\": \"eastus\"}");
    assertThat(plain.json().path("properties").has("customSubDomainName")).isFalse();
    var named =
        arm(
            "PUT",
            "with-subdomain",
            "{\"location\": \"eastus\", \"properties\": {\"customSubDomainName\": \"contoso-ai\"}}");
    assertThat(named.json().at("/properties/customSubDomainName").asText()).isEqualTo("contoso-ai");
    String etag = arm("GET", "with-subdomain", null).json().path("etag").asText();
    var changed =
        arm("PATCH", "with-subdomain", "{\"properties\": {\"customSubDomainName\": \"other\"}}");
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"PropertyChangeNotAllowed\",\"message\":\"Changing property"
                + " 'properties.customSubDomainName' is not allowed.\"}}");
    var again =
        arm(
            "PUT",
            "with-subdomain",
            "{\"location\": \"eastus\", \"properties\": {\"customSubDomainName\": \"contoso-ai\"}}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("etag").asText()).isNotEqualTo(etag);
    var firstTime =
        arm("PATCH", "no-subdomain", "{\"properties\": {\"customSubDomainName\": \"late-name\"}}");
    assertThat(firstTime.json().at("/properties/customSubDomainName").asText())
        .isEqualTo("late-name");
  }

  @Test
  void aLocationChangeIsRefused() {
    assertThat(arm("PUT", "placed", "{\"location\": \"eastus\"}").status()).isEqualTo(201);
    var moved = arm("PUT", "placed", "{\"location\": \"westeurope\"}");
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.json().at("/error/code").asText()).isEqualTo("InvalidResourceLocation");
    assertThat(arm("GET", "placed", null).json().path("location").asText()).isEqualTo("eastus");
  }

  @Test
  void everyChangeMovesTheEtagAndNamesWhoMadeIt() throws Exception {
    var sp = server.server().identities().createServicePrincipal("deployer");
    String objectId = sp.principal().objectId();
    server
        .server()
        .control()
        .assignRole(
            UUID.randomUUID().toString(),
            objectId,
            BuiltInRoles.CONTRIBUTOR.roleName(),
            "/subscriptions/" + server.server().subscriptionId());
    var token =
        http.sendForm(
            "/" + server.server().identities().issuer().tenantId() + "/oauth2/v2.0/token",
            "client_id="
                + sp.principal().appId()
                + "&grant_type=client_credentials&client_secret="
                + URLEncoder.encode(sp.secret(), StandardCharsets.UTF_8)
                + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    String bearer = "Bearer " + token.json().get("access_token").asText();

    events.clear();
    var created = arm("PUT", "audited", "{\"location\": \"eastus\"}", bearer);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode system = created.json().path("systemData");
    assertThat(system.path("createdBy").asText()).isEqualTo(objectId);
    assertThat(system.path("lastModifiedBy").asText()).isEqualTo(objectId);
    assertThat(events).hasSize(1);
    ControlEvent event = events.getFirst();
    assertThat(event.operation()).isEqualTo(ControlEvent.Operation.CREATE);
    assertThat(event.resourceId()).isEqualTo(created.json().path("id").asText());
    assertThat(event.principalId()).isEqualTo(objectId);
    assertThat(event.clientAddress()).isEqualTo("127.0.0.1");

    String etag = created.json().path("etag").asText();
    String modified = system.path("lastModifiedAt").asText();
    Thread.sleep(5);
    var patched = arm("PATCH", "audited", "{\"properties\": {\"disableLocalAuth\": true}}");
    assertThat(patched.json().path("etag").asText()).isNotEqualTo(etag);
    assertThat(patched.json().at("/systemData/lastModifiedAt").asText()).isGreaterThan(modified);
    assertThat(patched.json().at("/systemData/createdBy").asText()).isEqualTo(objectId);
    assertThat(patched.json().at("/systemData/lastModifiedBy").asText())
        .isEqualTo(AccountMetadata.Actor.ADMIN.id());
    assertThat(arm("GET", "audited", null).json().path("etag").asText())
        .isEqualTo(patched.json().path("etag").asText());
    assertThat(events).hasSize(2);
    assertThat(events.get(1).operation()).isEqualTo(ControlEvent.Operation.UPDATE);
    assertThat(events.get(1).principalId()).isEqualTo(AccountMetadata.Actor.ADMIN.id());

    assertThat(arm("PATCH", "audited", "{\"properties\": {\"disableLocalAuth\": 1}}").status())
        .isEqualTo(400);
    assertThat(events).as("a refused request emits nothing").hasSize(2);
    assertThat(arm("DELETE", "audited", null).status()).isEqualTo(200);
    assertThat(events.get(2).operation()).isEqualTo(ControlEvent.Operation.DELETE);
  }
}
