package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code lazurite batch}: create and wait, list, show, cancel. */
class BatchCommandTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = BatchTesting.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void createWaitsForTheBatchAndShowAndListFindIt() {
    String fileId = BatchTesting.upload(server.server(), BatchTesting.lines(5, "gpt-4o-batch"));
    JsonNode done =
        TestingCli.run(
            server,
            "batch",
            "create",
            "--input-file-id",
            fileId,
            "--metadata",
            "job=nightly",
            "--wait",
            "--poll-ms",
            "50");
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("metadata").toString()).isEqualTo("{\"job\":\"nightly\"}");
    String id = done.path("id").asText();
    assertThat(TestingCli.run(server, "batch", "show", "--batch-id", id).path("request_counts"))
        .hasToString("{\"total\":5,\"completed\":5,\"failed\":0}");
    assertThat(TestingCli.run(server, "batch", "list").findValuesAsText("id")).contains(id);
    assertThat(TestingCli.run(server, "batch", "list", "--limit", "1").findValuesAsText("id"))
        .hasSize(1);
    assertThat(TestingCli.run(server, "batch", "list", "--after", id).findValuesAsText("id"))
        .doesNotContain(id);
  }

  @Test
  void aFinishedBatchCannotBeCancelledAndAnUnknownOneIsNotFound() {
    String fileId = BatchTesting.upload(server.server(), BatchTesting.lines(1, "gpt-4o-batch"));
    String id =
        TestingCli.run(
                server, "batch", "create", "--input-file-id", fileId, "--wait", "--poll-ms", "50")
            .path("id")
            .asText();
    var cancel = TestingCli.execute(server, "batch", "cancel", "--batch-id", id);
    assertThat(cancel.code()).isNotZero();
    assertThat(cancel.err()).contains("Cannot cancel a batch with status 'completed'.");
    var unknown = TestingCli.execute(server, "batch", "show", "--batch-id", "batch_nope");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("No batch found with id 'batch_nope'.");
  }
}
