package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A batch of {@code /v1/responses} lines: each is answered with a response object. */
class BatchResponsesTest {
  static TestingServer server;
  static BatchTesting.Client http;

  @BeforeAll
  static void start() {
    server = BatchTesting.start();
    http = new BatchTesting.Client(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String line(int i) {
    var line = Json.MAPPER.createObjectNode();
    line.put("custom_id", "task-" + i);
    line.put("method", "POST");
    line.put("url", "/v1/responses");
    line.putObject("body").put("model", "gpt-4o-batch").put("input", "Say hello number " + i);
    return line + "\n";
  }

  @Test
  void answersEveryResponsesLineWithAResponseObject() {
    String fileId = BatchTesting.upload(server.server(), line(0) + line(1) + line(2));
    var created =
        http.post(
            "/openai/batches?api-version=" + BatchTesting.VERSION,
            "{\"input_file_id\":\""
                + fileId
                + "\",\"endpoint\":\"/v1/responses\",\"completion_window\":\"24h\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode done =
        BatchTesting.await(http, created.json().path("id").asText(), Duration.ofSeconds(60));
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
    List<JsonNode> output =
        BatchTesting.fileLines(server.server(), done.path("output_file_id").asText());
    assertThat(output).hasSize(3);
    for (JsonNode line : output) {
      assertThat(line.at("/response/status_code").asInt()).as(line.toString()).isEqualTo(200);
      assertThat(line.at("/response/body/object").asText()).isEqualTo("response");
      assertThat(line.at("/response/body/output/0/type").asText()).isEqualTo("message");
    }
  }
}
