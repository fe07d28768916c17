package dev.lazurite.ingest;

import static dev.lazurite.ingest.IndexerTest.awaitRun;
import static dev.lazurite.ingest.IndexerTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingAzurite;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code azureblob} data source on Azurite: crawled by an indexer, changed and deleted blobs
 * followed on the next run, the connection string never shown.
 */
class BlobIndexerTest {
  private static TestingAzurite azurite;
  private static TestingServer server;
  private static String key;

  @BeforeAll
  static void start() {
    azurite = TestingAzurite.start();
    Map<String, String> environment =
        Map.of("LAZURITE_OUTBOUND_ALLOW", "127.0.0.1:" + azurite.port());
    server = TestingServer.start(UnaryOperator.identity(), environment::get);
    TestingCli.run(server, "search", "create", "--name", "docs");
    key =
        TestingCli.run(server, "search", "keys", "list", "--name", "docs")
            .path("primaryKey")
            .asText();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  private static BlobContainerClient container(String name) {
    var container =
        new BlobServiceClientBuilder()
            .connectionString(azurite.connectionString())
            .buildClient()
            .getBlobContainerClient(name);
    container.createIfNotExists();
    return container;
  }

  private static String dataSource(String connectionString, String container, String query) {
    var body = Json.MAPPER.createObjectNode();
    body.put("type", "azureblob");
    body.putObject("credentials").put("connectionString", connectionString);
    var c = body.putObject("container").put("name", container);
    if (query != null) {
      c.put("query", query);
    }
    return body.toString();
  }

  private static List<String> titles(String search) {
    JsonNode hits =
        call(
                server,
                key,
                "POST",
                "/indexes/kb/docs/search",
                "{\"search\": \"" + search + "\", \"select\": \"title,url,filepath\"}")
            .json()
            .path("value");
    return java.util.stream.StreamSupport.stream(hits.spliterator(), false)
        .map(hit -> hit.path("title").asText())
        .toList();
  }

  @Test
  void crawlsAContainerAndFollowsChangedAndDeletedBlobs() throws Exception {
    BlobContainerClient blobs = container("policies");
    blobs
        .getBlobClient("kb/pets.md")
        .upload(BinaryData.fromString("# Pet policy\n\nVeterinary bills are reimbursed."), true);
    blobs
        .getBlobClient("kb/travel.md")
        .upload(BinaryData.fromString("# Travel policy\n\nDelayed flights are compensated."), true);
    blobs
        .getBlobClient("archive/old.md")
        .upload(BinaryData.fromString("# Old policy\n\nVeterinary archive."), true);
    blobs.getBlobClient("kb/photo.png").upload(BinaryData.fromString("not text"), true);

    var created =
        call(
            server,
            key,
            "PUT",
            "/datasources('blobs')",
            dataSource(azurite.connectionString(), "policies", "kb/"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(TestingAzurite.ACCOUNT_KEY);
    assertThat(created.json().path("credentials").has("connectionString")).isTrue();
    assertThat(created.json().path("credentials").path("connectionString").isNull()).isTrue();
    var shown = call(server, key, "GET", "/datasources('blobs')", null);
    assertThat(shown.json().path("credentials").path("connectionString").isNull()).isTrue();
    assertThat(shown.json().path("container").path("query").asText()).isEqualTo("kb/");
    assertThat(call(server, key, "GET", "/datasources", null).body())
        .doesNotContain(TestingAzurite.ACCOUNT_KEY);
    assertThat(
            java.nio.file.Files.readString(
                server.dataDir().resolve("search/docs/_config/datasources/blobs.json")))
        .as("sealed at rest")
        .doesNotContain(TestingAzurite.ACCOUNT_KEY)
        .contains("enc:v1:");

    assertThat(
            call(
                    server,
                    key,
                    "PUT",
                    "/indexers('crawl')",
                    "{\"dataSourceName\": \"blobs\", \"targetIndexName\": \"kb\"}")
                .status())
        .isEqualTo(201);
    JsonNode first = awaitRun(server, key, 1);
    assertThat(first.path("lastResult").path("status").asText()).isEqualTo("success");
    assertThat(first.path("lastResult").path("itemsProcessed").asInt()).isEqualTo(2);
    assertThat(titles("veterinary")).containsExactly("Pet policy");
    JsonNode hit =
        call(server, key, "POST", "/indexes/kb/docs/search", "{\"search\": \"flights\"}")
            .json()
            .path("value")
            .get(0);
    assertThat(hit.path("filepath").asText()).isEqualTo("kb/travel.md");
    assertThat(hit.path("url").asText())
        .isEqualTo(azurite.blobEndpoint() + "/policies/kb/travel.md");

    blobs
        .getBlobClient("kb/pets.md")
        .upload(BinaryData.fromString("# Pet policy\n\nHamsters are covered from now on."), true);
    blobs.getBlobClient("kb/travel.md").delete();
    assertThat(call(server, key, "POST", "/indexers('crawl')/search.run", null).status())
        .isEqualTo(202);
    JsonNode second = awaitRun(server, key, 2);
    assertThat(second.path("lastResult").path("status").asText()).isEqualTo("success");
    assertThat(titles("hamsters")).containsExactly("Pet policy");
    assertThat(titles("veterinary")).isEmpty();
    assertThat(titles("flights")).isEmpty();
    assertThat(call(server, key, "GET", "/indexes/kb/docs/$count", null).body()).isEqualTo("1");

    // An update that keeps the stored connection string, as Azure's clients send it after a GET.
    var kept =
        call(
            server,
            key,
            "PUT",
            "/datasources('blobs')",
            "{\"name\": \"blobs\", \"type\": \"azureblob\", \"credentials\": {\"connectionString\":"
                + " null}, \"container\": {\"name\": \"policies\"}}");
    assertThat(kept.status()).isEqualTo(200);
    assertThat(call(server, key, "POST", "/indexers('crawl')/search.run", null).status())
        .isEqualTo(202);
    JsonNode third = awaitRun(server, key, 3);
    assertThat(third.path("lastResult").path("status").asText()).isEqualTo("success");
    assertThat(titles("archive")).containsExactly("Old policy");
  }

  @Test
  void refusesBadDataSourcesWithAzuresErrorEnvelope() {
    String account = azurite.connectionString();
    String outside =
        account.replace(
            "127.0.0.1:" + azurite.port(), "127.0.0.1:" + (azurite.port() == 1 ? 2 : 1));
    for (String bad :
        List.of(
            dataSource("not a connection string", "policies", null),
            dataSource("", "policies", null),
            dataSource(
                "ResourceId=/subscriptions/s/resourceGroups/g/providers/x;", "policies", null),
            dataSource(account, "Bad_Name", null),
            dataSource(account, "ab", null),
            dataSource(outside, "policies", null),
            "{\"type\": \"azureblob\", \"container\": {\"name\": \"policies\"}}",
            "{\"type\": \"azureblob\", \"credentials\": {\"connectionString\": 7},"
                + " \"container\": {\"name\": \"policies\"}}",
            "{\"type\": \"azureblob\", \"credentials\": {\"connectionString\": \""
                + account
                + "\"}, \"container\": {\"name\": \"policies\", \"query\": 5}}",
            "{\"type\": \"cosmosdb\"}",
            "{\"type\": \"azureblob\", ")) {
      var refused = call(server, key, "PUT", "/datasources('bad')", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().path("error").path("message").asText()).as(bad).isNotBlank();
      assertThat(refused.body()).as(bad).doesNotContain(TestingAzurite.ACCOUNT_KEY);
    }
    assertThat(call(server, key, "GET", "/datasources('bad')", null).status()).isEqualTo(404);
  }

  @Test
  void aWrongAccountKeyFailsTheRunWithoutShowingTheKey() throws Exception {
    container("secured");
    String wrongKey = "d3Jvbmcta2V5LWZvci10ZXN0cw==";
    String wrong = azurite.connectionString().replace(TestingAzurite.ACCOUNT_KEY, wrongKey);
    assertThat(
            call(server, key, "PUT", "/datasources('wrong')", dataSource(wrong, "secured", null))
                .status())
        .isEqualTo(201);
    assertThat(
            call(
                    server,
                    key,
                    "PUT",
                    "/indexers('crawl-wrong')",
                    "{\"dataSourceName\": \"wrong\", \"targetIndexName\": \"wrongkb\"}")
                .status())
        .isEqualTo(201);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    JsonNode status;
    do {
      Thread.sleep(100);
      status = call(server, key, "GET", "/indexers('crawl-wrong')/search.status", null).json();
    } while (status.path("lastResult").path("status").asText().equals("inProgress")
        && java.time.Instant.now().isBefore(deadline));
    assertThat(status.path("lastResult").path("status").asText()).isEqualTo("transientFailure");
    assertThat(status.path("lastResult").path("errorMessage").asText())
        .contains("403")
        .doesNotContain(wrongKey);
  }
}
