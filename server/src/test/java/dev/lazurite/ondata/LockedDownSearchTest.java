package dev.lazurite.ondata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.Test;

/**
 * The private-endpoint architecture: the search service's public network access disabled, and On
 * Your Data still retrieving from it, since it reaches the service inside the server, the private
 * path, by the service's Azure name or its Lazurite endpoint.
 */
class LockedDownSearchTest {
  @Test
  void onYourDataRetrievesFromASearchServiceWithPublicAccessDisabled() {
    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(server, "search", "create", "--name", "kb");
      String key =
          TestingCli.run(server, "search", "keys", "list", "--name", "kb")
              .path("primaryKey")
              .asText();
      var search = new TestingHttp(server.endpoint(), key);
      var index =
          search.send(
              "PUT",
              "/search/kb/indexes('policies')?api-version=2024-07-01",
              "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                  + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                  + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
              "api-key",
              key);
      assertThat(index.status()).as(index.body()).isEqualTo(201);
      var upload =
          search.send(
              "POST",
              "/search/kb/indexes('policies')/docs/search.index?api-version=2024-07-01",
              "{\"value\":[{\"@search.action\":\"upload\",\"id\":\"1\",\"title\":\"Flood\","
                  + "\"content\":\"Flood damage is covered up to 50,000 euros.\"}]}",
              "api-key",
              key);
      assertThat(upload.status()).as(upload.body()).isEqualTo(200);

      var arm = new TestingAccounts(server);
      var locked =
          arm.arm(
              "PATCH",
              "/subscriptions/"
                  + server.server().subscriptionId()
                  + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/kb",
              "{\"properties\":{\"publicNetworkAccess\":\"disabled\"}}");
      assertThat(locked.status()).as(locked.body()).isEqualTo(200);
      assertThat(
              search
                  .send("GET", "/search/kb/indexes?api-version=2024-07-01", null, "api-key", key)
                  .status())
          .as("the public path is closed")
          .isEqualTo(403);

      for (String endpoint :
          new String[] {
            "https://kb.search.windows.net",
            "https://kb.privatelink.search.windows.net/",
            server.endpoint() + "/search/kb"
          }) {
        var answer =
            server
                .http()
                .post(
                    "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Is flood damage covered?\"}],"
                        + "\"data_sources\":[{\"type\":\"azure_search\",\"parameters\":{"
                        + "\"endpoint\":\""
                        + endpoint
                        + "\",\"index_name\":\"policies\","
                        + "\"authentication\":{\"type\":\"api_key\",\"key\":\""
                        + key
                        + "\"}}}]}");
        assertThat(answer.status()).as(endpoint + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/choices/0/message/context/citations/0/content").asText())
            .as(endpoint)
            .contains("50,000 euros");
      }
    }
  }
}
