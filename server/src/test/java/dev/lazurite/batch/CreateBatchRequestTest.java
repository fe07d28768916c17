package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad creation requests are a 400 in Azure's envelope, and nothing is created. */
class CreateBatchRequestTest {
  static TestingServer server;
  static BatchTesting.Client http;
  static String fileId;

  @BeforeAll
  static void start() {
    server = BatchTesting.start();
    http = new BatchTesting.Client(server);
    fileId = BatchTesting.upload(server.server(), BatchTesting.lines(1, "gpt-4o-batch"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  TestingHttp.Result create(String body) {
    return http.post("/openai/batches?api-version=" + BatchTesting.VERSION, body);
  }

  JsonNode refused(String body) {
    TestingHttp.Result r = create(body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().path("error");
  }

  String body(String inputFileId, String endpoint, String window) {
    return "{\"input_file_id\":"
        + inputFileId
        + ",\"endpoint\":"
        + endpoint
        + ",\"completion_window\":"
        + window
        + "}";
  }

  String ok() {
    return "\"" + fileId + "\"";
  }

  @Test
  void malformedJsonIsRefused() {
    assertThat(refused("{\"input_file_id\":").path("message").asText())
        .startsWith("We could not parse the JSON body of your request.");
    assertThat(refused("[1]").path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void missingFieldsAreNamed() {
    assertThat(refused("{}").path("param").asText()).isEqualTo("input_file_id");
    assertThat(refused("{\"input_file_id\":" + ok() + "}").path("param").asText())
        .isEqualTo("endpoint");
    JsonNode window =
        refused("{\"input_file_id\":" + ok() + ",\"endpoint\":\"/chat/completions\"}");
    assertThat(window.path("message").asText())
        .isEqualTo("Missing required parameter: 'completion_window'.");
  }

  @Test
  void wrongTypesAreRefused() {
    JsonNode error = refused(body("42", "\"/chat/completions\"", "\"24h\""));
    assertThat(error.path("param").asText()).isEqualTo("input_file_id");
    assertThat(error.path("code").asText()).isEqualTo("invalid_type");
    assertThat(
            refused(
                    "{\"input_file_id\":"
                        + ok()
                        + ",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\","
                        + "\"metadata\":{\"k\":1}}")
                .path("param")
                .asText())
        .isEqualTo("metadata.k");
  }

  @Test
  void onlyTheTwentyFourHourWindowAndBatchEndpointsAreAccepted() {
    assertThat(refused(body(ok(), "\"/chat/completions\"", "\"48h\"")).path("param").asText())
        .isEqualTo("completion_window");
    assertThat(refused(body(ok(), "\"/completions\"", "\"24h\"")).path("param").asText())
        .isEqualTo("endpoint");
  }

  @Test
  void moreThanSixteenMetadataPairsAreRefused() {
    var metadata = new StringBuilder("{");
    for (int i = 0; i < 17; i++) {
      metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    metadata.append('}');
    JsonNode error =
        refused(
            "{\"input_file_id\":"
                + ok()
                + ",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\",\"metadata\":"
                + metadata
                + "}");
    assertThat(error.path("param").asText()).isEqualTo("metadata");
  }

  @Test
  void anUnknownFileIsRefused() {
    JsonNode error = refused(body("\"file-0123456789abcdef\"", "\"/chat/completions\"", "\"24h\""));
    assertThat(error.path("param").asText()).isEqualTo("input_file_id");
    assertThat(http.get("/openai/batches?api-version=" + BatchTesting.VERSION).json().path("data"))
        .isEmpty();
  }

  @Test
  void theEnqueuedTokenLimitIsAzures400() {
    BatchTesting.deployBatch(server, "tiny-batch", 1);
    // Over 4 MB of input: more than the 1M tokens of capacity 1.
    String big = BatchTesting.upload(server.server(), BatchTesting.lines(40_000, "tiny-batch"));
    TestingHttp.Result r = BatchTesting.create(http, big);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"token_limit_exceeded\",\"message\":\"The number of enqueued"
                + " tokens has surpassed the configured limit of 1M for the deployment"
                + " 'tiny-batch'. Please either increase the limit or try again once the current"
                + " jobs have finished.\"}}");
  }
}
