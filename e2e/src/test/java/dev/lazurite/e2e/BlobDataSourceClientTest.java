package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.search.documents.SearchClientBuilder;
import com.azure.search.documents.SearchDocument;
import com.azure.search.documents.indexes.SearchIndexerClient;
import com.azure.search.documents.indexes.SearchIndexerClientBuilder;
import com.azure.search.documents.indexes.models.IndexerExecutionStatus;
import com.azure.search.documents.indexes.models.SearchIndexer;
import com.azure.search.documents.indexes.models.SearchIndexerDataContainer;
import com.azure.search.documents.indexes.models.SearchIndexerDataSourceConnection;
import com.azure.search.documents.indexes.models.SearchIndexerDataSourceType;
import com.azure.search.documents.indexes.models.SearchIndexerStatus;
import com.azure.search.documents.models.SearchOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.lazurite.testing.TestingAzurite;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * azure-search-documents, unchanged, with an {@code azureblob} data source on Azurite, written with
 * azure-storage-blob: create, read back without the connection string, update, crawl, search.
 */
class BlobDataSourceClientTest {
  static TestingAzurite azurite;
  static TestingServer server;
  static SearchIndexerClient indexers;
  static String endpoint;
  static String key;
  static HttpClient http;

  @BeforeAll
  static void start() {
    azurite = TestingAzurite.start();
    Map<String, String> environment =
        Map.of("LAZURITE_OUTBOUND_ALLOW", "127.0.0.1:" + azurite.port());
    server = TestingServer.start(UnaryOperator.identity(), environment::get);
    endpoint =
        TestingCli.run(server, "search", "create", "--name", "claims")
            .path("properties")
            .path("endpoint")
            .asText();
    key =
        TestingCli.run(server, "search", "keys", "list", "--name", "claims")
            .path("primaryKey")
            .asText();
    http =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
            .build();
    indexers =
        new SearchIndexerClientBuilder()
            .endpoint(endpoint)
            .credential(new AzureKeyCredential(key))
            .httpClient(http)
            .buildClient();
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

  @Test
  void theOfficialClientCrawlsABlobContainer() throws Exception {
    BlobContainerClient container =
        new BlobServiceClientBuilder()
            .connectionString(azurite.connectionString())
            .httpClient(new JdkHttpClientBuilder().build())
            .buildClient()
            .getBlobContainerClient("claims");
    container.createIfNotExists();
    container
        .getBlobClient("forms/water.md")
        .upload(
            BinaryData.fromString("# Water damage\n\nBurst pipes are covered after the excess."),
            true);

    var created =
        indexers.createDataSourceConnection(
            new SearchIndexerDataSourceConnection(
                    "claims-blobs",
                    SearchIndexerDataSourceType.AZURE_BLOB,
                    azurite.connectionString(),
                    new SearchIndexerDataContainer("claims").setQuery("forms/"))
                .setDescription("claim forms"));
    assertThat(created.getConnectionString()).isNull();
    var read = indexers.getDataSourceConnection("claims-blobs");
    assertThat(read.getConnectionString()).isNull();
    assertThat(read.getContainer().getQuery()).isEqualTo("forms/");
    assertThat(read.getType()).isEqualTo(SearchIndexerDataSourceType.AZURE_BLOB);
    // Sent back as read, without the connection string: the stored one is kept.
    indexers.createOrUpdateDataSourceConnection(read.setDescription("claim forms, v2"));

    indexers.createIndexer(new SearchIndexer("claims-crawl", "claims-blobs", "claims-kb"));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    SearchIndexerStatus status = indexers.getIndexerStatus("claims-crawl");
    while ((status.getLastResult() == null
            || status.getLastResult().getStatus() == IndexerExecutionStatus.IN_PROGRESS)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      status = indexers.getIndexerStatus("claims-crawl");
    }
    assertThat(status.getLastResult().getStatus()).isEqualTo(IndexerExecutionStatus.SUCCESS);
    assertThat(status.getLastResult().getItemCount()).isEqualTo(1);

    var search =
        new SearchClientBuilder()
            .endpoint(endpoint)
            .indexName("claims-kb")
            .credential(new AzureKeyCredential(key))
            .httpClient(http)
            .buildClient();
    var hits =
        search.search("pipes", new SearchOptions(), null).stream()
            .map(r -> r.getDocument(SearchDocument.class).get("title"))
            .toList();
    assertThat(hits).containsExactly("Water damage");
  }

  @Test
  void aMalformedConnectionStringIsA400() {
    assertThatThrownBy(
            () ->
                indexers.createDataSourceConnection(
                    new SearchIndexerDataSourceConnection(
                        "broken",
                        SearchIndexerDataSourceType.AZURE_BLOB,
                        "AccountKey=only-a-key",
                        new SearchIndexerDataContainer("claims"))))
        .isInstanceOf(HttpResponseException.class)
        .satisfies(
            e ->
                assertThat(((HttpResponseException) e).getResponse().getStatusCode())
                    .isEqualTo(400))
        .hasMessageContaining("connection string is not valid")
        .hasMessageNotContaining("only-a-key");
  }
}
