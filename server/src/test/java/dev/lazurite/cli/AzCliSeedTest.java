package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The guide's az lines, verbatim but for {@code az cognitiveservices account} → {@code lazurite
 * account} and {@code az cognitiveservices account deployment} → {@code lazurite deployment}, after
 * {@code lazurite group create}; then a chat completion at the printed endpoint.
 */
class AzCliSeedTest {
  static String[] line(String command) {
    return command.trim().split("\\s+");
  }

  @Test
  void theGuidesAzLinesCreateAResourceAndADeploymentThatServes() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(server, line("group create --name my-rg --location eastus"));

      JsonNode account =
          TestingCli.run(
              server,
              line(
                  "account create --name my-openai-resource --resource-group my-rg --kind OpenAI"
                      + " --sku S0 --location eastus"));
      assertThat(account.get("name").asText()).isEqualTo("my-openai-resource");
      assertThat(account.get("id").asText()).contains("/resourceGroups/my-rg/");

      var shown =
          TestingCli.execute(
              server,
              line(
                  "account show --name my-openai-resource --resource-group my-rg --query"
                      + " properties.endpoint"));
      assertThat(shown.code()).as(shown.err()).isZero();
      String endpoint = Json.read(shown.out(), String.class);
      assertThat(endpoint).startsWith("https://");

      JsonNode deployment =
          TestingCli.run(
              server,
              line(
                  "deployment create --name my-openai-resource --resource-group my-rg"
                      + " --deployment-name gpt-4o-prod --model-name gpt-4o --model-version"
                      + " 2024-08-06 --model-format OpenAI --sku-capacity 100 --sku-name"
                      + " GlobalStandard"));
      assertThat(deployment.get("id").asText())
          .endsWith("/accounts/my-openai-resource/deployments/gpt-4o-prod");
      assertThat(deployment.at("/sku/capacity").asInt()).isEqualTo(100);

      var key =
          TestingCli.execute(
              server,
              line(
                  "account keys list --name my-openai-resource --resource-group my-rg --query key1"
                      + " -o tsv"));
      assertThat(key.code()).as(key.err()).isZero();
      String key1 = key.out().strip();
      assertThat(key1).matches("[0-9a-f]{32}").isNotEqualTo(server.key());

      Path truststore = Path.of(TestingCli.run(server, "cert").get("javaTruststore").asText());
      try (HttpClient client = HttpClient.newBuilder().sslContext(trusting(truststore)).build()) {
        var chat =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(
                            endpoint.replaceAll("/$", "")
                                + "/openai/deployments/gpt-4o-prod/chat/completions"
                                + "?api-version=2024-10-21"))
                    .header("api-key", key1)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(Json.read(chat.body(), JsonNode.class).get("model").asText())
            .isEqualTo("gpt-4o-2024-08-06");
      }
    }
  }

  @Test
  void theAccountIsRefusedUntilItsResourceGroupExists() {
    try (TestingServer server = TestingServer.start()) {
      var refused =
          TestingCli.execute(
              server,
              line(
                  "account create --name early --resource-group not-yet --kind OpenAI --sku S0"
                      + " --location eastus"));
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err())
          .contains("(ResourceGroupNotFound) Resource group 'not-yet' could not be found.");
      assertThat(TestingCli.run(server, "account", "list").findValuesAsText("name"))
          .doesNotContain("early");
    }
  }

  static SSLContext trusting(Path truststore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      trust.load(in, dev.lazurite.tls.LocalCertificates.TRUSTSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, factory.getTrustManagers(), null);
    return tls;
  }
}
