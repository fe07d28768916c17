package dev.lazurite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that stopped between two upload batches of a file leaves some of its chunks missing; the
 * next run, by the command line or by an indexer, completes the file. The stop is reproduced by
 * deleting chunks from the index: first the state an earlier version left (chunk 0 present, later
 * chunks missing), then the state this one leaves (no chunk 0, the manifest that is written last).
 */
class ResumedIngestionTest {
  static final String FILE = "handbook.md";

  @TempDir Path corpus;

  static String handbook() {
    StringBuilder text = new StringBuilder("# Claims handbook\n\n");
    for (int i = 0; i < 400; i++) {
      text.append("Section ")
          .append(i)
          .append(": claims of kind ")
          .append(i)
          .append(" are answered within ")
          .append(i % 9 + 2)
          .append(" working days. ");
    }
    return text.toString();
  }

  static TestingHttp.Result call(
      TestingServer server, String key, String method, String path, String body) {
    return server
        .http()
        .send(method, "/search/docs" + path + "?api-version=2024-07-01", body, "api-key", key);
  }

  /** The chunk ids of the file in the index, sorted by number. */
  static List<Integer> chunkIds(TestingServer server, String key) {
    List<Integer> ids = new ArrayList<>();
    call(
            server,
            key,
            "POST",
            "/indexes/kb/docs/search",
            "{\"filter\": \"filepath eq '" + FILE + "'\", \"select\": \"chunk_id\", \"top\": 1000}")
        .json()
        .path("value")
        .forEach(d -> ids.add(Integer.parseInt(d.path("chunk_id").asText())));
    ids.sort(null);
    return ids;
  }

  /** What a run stopped mid-file leaves: these chunks of the file are not in the index. */
  static void dropChunks(TestingServer server, String key, List<Integer> chunks) {
    String prefix = Ingestor.sha256(FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder actions = new StringBuilder();
    for (int chunk : chunks) {
      actions
          .append(actions.isEmpty() ? "" : ",")
          .append("{\"@search.action\": \"delete\", \"id\": \"")
          .append(prefix, 0, 32)
          .append('_')
          .append(chunk)
          .append("\"}");
    }
    var deleted =
        call(server, key, "POST", "/indexes/kb/docs/index", "{\"value\": [" + actions + "]}");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(chunkIds(server, key)).doesNotContainAnyElementsOf(chunks);
  }

  static String searchService(TestingServer server) {
    TestingCli.run(server, "search", "create", "--name", "docs");
    return TestingCli.run(server, "search", "keys", "list", "--name", "docs")
        .path("primaryKey")
        .asText();
  }

  JsonNode ingest(TestingServer server) {
    return TestingCli.run(
        server,
        "index",
        "ingest",
        "--service",
        "docs",
        "--index",
        "kb",
        "--from",
        corpus.toString());
  }

  @Test
  void aReRunCompletesAFileThatAStoppedIngestLeftIncomplete() throws Exception {
    Files.writeString(corpus.resolve(FILE), handbook());
    try (TestingServer server = TestingServer.start()) {
      String key = searchService(server);
      int chunks = ingest(server).path("chunks").asInt();
      assertThat(chunks).isGreaterThanOrEqualTo(6);
      List<Integer> all = IntStream.range(0, chunks).boxed().toList();
      assertThat(chunkIds(server, key)).isEqualTo(all);

      dropChunks(server, key, all.subList(2, chunks));
      JsonNode afterOldStop = ingest(server);
      assertThat(afterOldStop.path("indexed").asInt()).isEqualTo(1);
      assertThat(chunkIds(server, key)).isEqualTo(all);

      dropChunks(server, key, List.of(0, 3, chunks - 1));
      JsonNode afterStop = ingest(server);
      assertThat(afterStop.path("indexed").asInt()).isEqualTo(1);
      assertThat(chunkIds(server, key)).isEqualTo(all);

      JsonNode settled = ingest(server);
      assertThat(settled.path("unchanged").asInt()).isEqualTo(1);
      assertThat(settled.path("indexed").asInt()).isZero();
    }
  }

  @Test
  void aFileRemovedAfterAStoppedIngestLeavesNoChunksBehind() throws Exception {
    Files.writeString(corpus.resolve(FILE), handbook());
    try (TestingServer server = TestingServer.start()) {
      String key = searchService(server);
      int chunks = ingest(server).path("chunks").asInt();
      dropChunks(server, key, List.of(0, chunks - 1));
      Files.delete(corpus.resolve(FILE));
      JsonNode removed = ingest(server);
      assertThat(removed.path("removed").asInt()).isEqualTo(1);
      assertThat(chunkIds(server, key)).isEmpty();
    }
  }

  @Test
  void anIndexerRunCompletesAFileThatAStoppedRunLeftIncomplete() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      Path folder = server.dataDir().resolve("documents/policies");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(FILE), handbook());
      String key = searchService(server);
      call(
          server,
          key,
          "PUT",
          "/datasources('policies')",
          "{\"type\": \"folder\", \"container\": {\"name\": \"policies\"}}");
      call(
          server,
          key,
          "PUT",
          "/indexers('crawl')",
          "{\"dataSourceName\": \"policies\", \"targetIndexName\": \"kb\"}");
      IndexerTest.awaitRun(server, key, 1);
      List<Integer> all = chunkIds(server, key);
      assertThat(all).hasSizeGreaterThanOrEqualTo(6);
      assertThat(all).isEqualTo(IntStream.range(0, all.size()).boxed().toList());

      dropChunks(server, key, List.of(0, 2, all.size() - 1));
      assertThat(call(server, key, "POST", "/indexers('crawl')/search.run", null).status())
          .isEqualTo(202);
      IndexerTest.awaitRun(server, key, 2);
      assertThat(chunkIds(server, key)).isEqualTo(all);

      dropChunks(server, key, all.subList(1, all.size()));
      call(server, key, "POST", "/indexers('crawl')/search.run", null);
      JsonNode third = IndexerTest.awaitRun(server, key, 3);
      assertThat(third.path("lastResult").path("status").asText()).isEqualTo("success");
      assertThat(chunkIds(server, key)).isEqualTo(all);
    }
  }
}
