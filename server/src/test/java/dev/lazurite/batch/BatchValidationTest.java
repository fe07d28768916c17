package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input is accepted at upload and fails the batch at validation, with Azure's code, message and
 * line.
 */
class BatchValidationTest {
  static TestingServer server;
  static BatchTesting.Client http;

  @BeforeAll
  static void start() {
    server = BatchTesting.start();
    server.deploy(
        new DeploymentRequest(
            "gpt-4o-standard", "gpt-4o", "", "GlobalStandard", 100, "", "", Optional.empty()));
    BatchTesting.deployBatch(server, "gpt-4o-batch-2", 400);
    http = new BatchTesting.Client(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  JsonNode failed(String input) {
    String fileId = BatchTesting.upload(server.server(), input);
    var created = BatchTesting.create(http, fileId);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode done =
        BatchTesting.await(http, created.json().path("id").asText(), Duration.ofSeconds(60));
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("failed");
    assertThat(done.path("failed_at").isNumber()).isTrue();
    assertThat(done.path("in_progress_at").isNull()).isTrue();
    assertThat(done.at("/errors/object").asText()).isEqualTo("list");
    return done.at("/errors/data");
  }

  static String error(String code, String message, Integer line) {
    return "{\"code\":\""
        + code
        + "\",\"message\":\""
        + message
        + "\",\"param\":null,\"line\":"
        + line
        + "}";
  }

  String line(String id, String model) {
    return BatchTesting.chatLine(id, model, "hello") + "\n";
  }

  @Test
  void anEmptyFileFails() {
    assertThat(failed("").toString())
        .isEqualTo(
            "["
                + error(
                    "empty_file",
                    "The input file is empty. Please ensure that the batch contains at least one"
                        + " request.",
                    null)
                + "]");
  }

  @Test
  void aLineThatIsNotJsonFailsWithItsNumber() {
    JsonNode errors = failed(line("a", "gpt-4o-batch") + "{not json\n" + line("b", "gpt-4o-batch"));
    assertThat(errors.toString())
        .isEqualTo(
            "[" + error("invalid_json_line", BatchErrorCode.INVALID_JSON_LINE.message(), 2) + "]");
    assertThat(BatchErrorCode.INVALID_JSON_LINE.message())
        .isEqualTo(
            "A line (or multiple) in your input file wasn't able to be parsed as valid json."
                + " Please ensure no typos, proper opening and closing brackets, and quotes as per"
                + " JSON standard, and resubmit the request.");
  }

  @Test
  void aDuplicateCustomIdFails() {
    JsonNode errors = failed(line("a", "gpt-4o-batch") + line("a", "gpt-4o-batch"));
    assertThat(errors.toString())
        .isEqualTo(
            "["
                + error(
                    "duplicate_custom_id",
                    "The custom ID for this request is a duplicate of the custom ID in another"
                        + " request.",
                    2)
                + "]");
  }

  @Test
  void aUrlOtherThanTheEndpointFails() {
    String embeddings =
        "{\"custom_id\":\"e\",\"method\":\"POST\",\"url\":\"/embeddings\",\"body\":{\"model\":\"gpt-4o-batch\",\"input\":\"x\"}}\n";
    JsonNode errors = failed(line("a", "gpt-4o-batch") + embeddings);
    assertThat(errors.get(0).path("code").asText()).isEqualTo("url_mismatch");
    assertThat(errors.get(0).path("line").asInt()).isEqualTo(2);
    assertThat(errors.get(0).path("message").asText())
        .isEqualTo(BatchErrorCode.URL_MISMATCH.message());
  }

  @Test
  void theV1FormOfTheUrlIsTheSameEndpoint() {
    String v1 =
        line("a", "gpt-4o-batch").replace("\"/chat/completions\"", "\"/v1/chat/completions\"");
    String fileId = BatchTesting.upload(server.server(), v1);
    String id = BatchTesting.create(http, fileId).json().path("id").asText();
    assertThat(BatchTesting.await(http, id, Duration.ofSeconds(60)).path("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void twoDeploymentsInOneFileFail() {
    JsonNode errors = failed(line("a", "gpt-4o-batch") + line("b", "gpt-4o-batch-2"));
    assertThat(errors.get(0).path("code").asText()).isEqualTo("model_mismatch");
    assertThat(errors.get(0).path("line").asInt()).isEqualTo(2);
    assertThat(errors.get(0).path("message").asText())
        .isEqualTo(BatchErrorCode.MODEL_MISMATCH.message());
  }

  @Test
  void anUnknownDeploymentFails() {
    JsonNode errors = failed(line("a", "no-such-deployment"));
    assertThat(errors.toString())
        .isEqualTo(
            "["
                + error(
                    "model_not_found",
                    "The Azure OpenAI model deployment name that was specified in the model"
                        + " property of the input file wasn't found. Please ensure this name points"
                        + " to a valid Azure OpenAI model deployment.",
                    1)
                + "]");
  }

  @Test
  void aDeploymentThatIsNotABatchDeploymentFails() {
    JsonNode errors = failed(line("a", "gpt-4o-standard"));
    assertThat(errors.get(0).path("code").asText()).isEqualTo("invalid_request");
    assertThat(errors.get(0).path("message").asText())
        .isEqualTo(
            "The schema of the input line is invalid or the deployment SKU is invalid. Please"
                + " ensure the properties of the request in your input file match the expected"
                + " input properties, and that the Azure OpenAI deployment SKU is globalbatch for"
                + " batch API requests.");
  }

  @Test
  void aLineWithoutItsFieldsIsAnInvalidRequest() {
    JsonNode errors =
        failed("{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/chat/completions\"}\n");
    assertThat(errors.get(0).path("code").asText()).isEqualTo("invalid_request");
    assertThat(errors.get(0).path("line").asInt()).isEqualTo(1);
  }

  @Test
  void moreThanAHundredThousandLinesFail() {
    var input = new StringBuilder();
    // A deployment unknown at creation, so that no enqueued-token limit applies first.
    String template = line("#", "unknown-deployment");
    for (int i = 0; i <= InputValidator.MAX_TASKS; i++) {
      input.append(template.replace("\"#\"", "\"" + i + "\""));
    }
    JsonNode errors = failed(input.toString());
    assertThat(errors.toString())
        .isEqualTo(
            "["
                + error(
                    "too_many_tasks",
                    "The number of requests in the input file exceeds the maximum allowed value of"
                        + " 100,000. Please ensure your total requests are under 100,000 and"
                        + " resubmit the job.",
                    null)
                + "]");
  }
}
