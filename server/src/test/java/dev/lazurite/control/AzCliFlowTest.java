package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The requests `az login --service-principal` and `az cognitiveservices …` send against a cloud
 * registered with an {@code /adfs} authority (client-compat §8), replayed as captured.
 */
class AzCliFlowTest {
  @Test
  void azLoginThenCreateAccountDeploymentAndListKeys() {
    try (TestingServer server = TestingServer.start()) {
      var created = server.server().identities().createServicePrincipal("az-cli");
      String sub = server.server().subscriptionId();
      server
          .server()
          .control()
          .assignRole(
              UUID.randomUUID().toString(),
              created.principal().objectId(),
              BuiltInRoles.CONTRIBUTOR.roleName(),
              "/subscriptions/" + sub);
      var http = new TestingHttp(server.endpoint(), "");
      var group =
          http.send(
              "PUT",
              "/subscriptions/" + sub + "/resourcegroups/rg1?api-version=2021-04-01",
              "{\"location\": \"eastus\"}",
              "Authorization",
              "Bearer " + server.server().adminToken());
      assertThat(group.status()).as(group.body()).isEqualTo(201);

      JsonNode discovery = http.send("GET", "/adfs/.well-known/openid-configuration", null).json();
      String tokenPath = discovery.get("token_endpoint").asText().replace(server.endpoint(), "");
      assertThat(tokenPath).isEqualTo("/adfs/oauth2/v2.0/token");
      var token =
          http.sendForm(
              tokenPath,
              "client_id="
                  + created.principal().appId()
                  + "&grant_type=client_credentials&client_info=1&client_secret="
                  + URLEncoder.encode(created.secret(), StandardCharsets.UTF_8)
                  + "&claims=%7B%22access_token%22%3A+%7B%22xms_cc%22%3A+%7B%22values%22%3A+%5B%22CP1%22%5D%7D%7D%7D"
                  + "&scope=https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default");
      assertThat(token.status()).as(token.body()).isEqualTo(200);
      String bearer = "Bearer " + token.json().get("access_token").asText();

      var subscriptions =
          http.send("GET", "/subscriptions?api-version=2019-11-01", null, "Authorization", bearer);
      assertThat(subscriptions.json().at("/value/0/subscriptionId").asText()).isEqualTo(sub);
      assertThat(subscriptions.json().at("/value/0/tenantId").asText())
          .isEqualTo(server.server().identities().issuer().tenantId());
      assertThat(subscriptions.json().at("/value/0/state").asText()).isEqualTo("Enabled");

      String account =
          "/subscriptions/"
              + sub
              + "/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/aoai1";
      var put =
          http.send(
              "PUT",
              account + "?api-version=2022-12-01",
              "{\"kind\": \"OpenAI\", \"sku\": {\"name\": \"S0\"}, \"location\": \"eastus\", \"properties\": {\"customSubDomainName\": \"aoai1\"}}",
              "Authorization",
              bearer);
      assertThat(put.status()).as(put.body()).isEqualTo(201);
      var deployment =
          http.send(
              "PUT",
              account + "/deployments/gpt-4o?api-version=2022-12-01",
              "{\"properties\": {\"model\": {\"format\": \"OpenAI\", \"name\": \"gpt-4o\", \"version\": \"2024-08-06\"}, \"scaleSettings\": {\"scaleType\": \"Standard\"}}}",
              "Authorization",
              bearer);
      assertThat(deployment.status()).as(deployment.body()).isEqualTo(201);
      var keys =
          http.send(
              "POST", account + "/listKeys?api-version=2022-12-01", null, "Authorization", bearer);
      assertThat(keys.json().get("key1").asText()).matches("[0-9a-f]{32}");

      var chat =
          http.send(
              "POST",
              "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
              "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":50}",
              "api-key",
              keys.json().get("key1").asText());
      assertThat(chat.status()).isEqualTo(200);
    }
  }
}
