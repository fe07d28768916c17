package dev.lazurite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A folder data source and an indexer: runs on creation and on demand, with a status route. */
class IndexerTest {
  static TestingHttp.Result call(
      TestingServer server, String key, String method, String path, String body) {
    return server
        .http()
        .send(method, "/search/docs" + path + "?api-version=2024-07-01", body, "api-key", key);
  }

  static JsonNode awaitRun(TestingServer server, String key, int runs) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = call(server, key, "GET", "/indexers('crawl')/search.status", null).json();
      if (status.path("executionHistory").size() >= runs
          && !status.path("lastResult").path("status").asText().equals("inProgress")) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the indexer did not finish");
  }

  @Test
  void crawlsAFolderOnCreationAndOnDemand() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      Path folder = server.dataDir().resolve("documents/policies");
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve("pets.md"),
          "# Pet policy\n\nVeterinary bills are reimbursed at 80 percent.");
      Files.writeString(folder.resolve("broken.pdf"), "%PDF-1.4 truncated");
      TestingCli.run(server, "search", "create", "--name", "docs");
      String key =
          TestingCli.run(server, "search", "keys", "list", "--name", "docs")
              .path("primaryKey")
              .asText();

      var outside =
          call(
              server,
              key,
              "PUT",
              "/datasources('escape')",
              "{\"type\": \"folder\", \"container\": {\"name\": \"../../etc\"}}");
      assertThat(outside.status()).isEqualTo(400);
      assertThat(outside.json().path("error").path("message").asText())
          .contains("outside the ingestion root");
      assertThat(
              call(server, key, "PUT", "/datasources('blob')", "{\"type\": \"azureblob\"}")
                  .status())
          .isEqualTo(400);
      assertThat(
              call(
                      server,
                      key,
                      "PUT",
                      "/datasources('policies')",
                      "{\"type\": \"folder\", \"container\": {\"name\": \"policies\"}}")
                  .status())
          .isEqualTo(201);
      assertThat(
              call(
                      server,
                      key,
                      "PUT",
                      "/indexers('bad')",
                      "{\"dataSourceName\": \"nope\", \"targetIndexName\": \"kb\"}")
                  .status())
          .isEqualTo(400);

      var created =
          call(
              server,
              key,
              "PUT",
              "/indexers('crawl')",
              "{\"dataSourceName\": \"policies\", \"targetIndexName\": \"kb\"}");
      assertThat(created.status()).isEqualTo(201);
      JsonNode first = awaitRun(server, key, 1);
      assertThat(first.path("lastResult").path("status").asText()).isEqualTo("success");
      assertThat(first.path("lastResult").path("itemsProcessed").asInt()).isEqualTo(1);
      assertThat(first.path("lastResult").path("itemsFailed").asInt()).isEqualTo(1);
      assertThat(first.path("lastResult").path("errors").get(0).path("key").asText())
          .isEqualTo("broken.pdf");
      JsonNode hit =
          call(server, key, "POST", "/indexes/kb/docs/search", "{\"search\": \"veterinary\"}")
              .json()
              .path("value")
              .get(0);
      assertThat(hit.path("title").asText()).isEqualTo("Pet policy");

      Files.writeString(
          folder.resolve("travel.md"), "# Travel policy\n\nDelayed flights are compensated.");
      assertThat(call(server, key, "POST", "/indexers('crawl')/search.run", null).status())
          .isEqualTo(202);
      JsonNode second = awaitRun(server, key, 2);
      assertThat(second.path("executionHistory")).hasSize(2);
      assertThat(second.path("lastResult").path("itemsProcessed").asInt()).isEqualTo(2);
      assertThat(call(server, key, "GET", "/indexes/kb/docs/$count", null).body()).isEqualTo("2");
      assertThat(
              call(server, key, "GET", "/indexers", null)
                  .json()
                  .path("value")
                  .get(0)
                  .path("name")
                  .asText())
          .isEqualTo("crawl");
      assertThat(call(server, key, "DELETE", "/indexers('crawl')", null).status()).isEqualTo(204);
      assertThat(call(server, key, "GET", "/indexers('crawl')/search.status", null).status())
          .isEqualTo(404);
    }
  }
}
