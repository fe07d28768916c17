package dev.lazurite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile bodies sent over HTTP to a real server: each answers promptly with bounded work, or is a
 * 400 in the data plane's error envelope with the service's wording — never a server error.
 */
class HostileInputTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String COMPLETIONS =
      "/openai/deployments/gpt-35-turbo/completions?api-version=2024-10-21";
  static final String EMBEDDINGS =
      "/openai/deployments/all-minilm-l6-v2/embeddings?api-version=2024-10-21";
  static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

  /** Heap a bounded answer may allocate, far below what building the whole instance takes. */
  static final long ALLOCATION_BOUND = 256L * 1024 * 1024;

  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    // The first answer loads the tokenizer and the content filter; the bounds are for the rest.
    assertThat(http.post(CHAT, "{" + USER + ",\"max_tokens\":1}").status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Bytes allocated by every thread of this JVM (the server's included) since it started. */
  static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  /** Sends the body, asserting the answer came promptly and allocated a bounded amount. */
  static TestingHttp.Result bounded(String path, String body) {
    long before = allocated();
    long start = System.nanoTime();
    var result = http.post(path, body);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    long grew = allocated() - before;
    assertThat(took).as("answered promptly").isLessThan(Duration.ofSeconds(30));
    assertThat(grew).as("bytes allocated while answering").isLessThan(ALLOCATION_BOUND);
    return result;
  }

  static String schemaFormat(String schema) {
    return ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"bomb\","
        + "\"schema\":"
        + schema
        + "}}";
  }

  /** Asserts a 400 in Azure OpenAI's envelope and returns its {@code error}. */
  static JsonNode invalidRequest(TestingHttp.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.header("content-type")).isEqualTo("application/json");
    JsonNode error = result.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    return error;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"array\",\"minItems\":1e9,\"items\":{\"type\":\"string\"}}",
        "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\",\"minLength\":2e9}}}",
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"},\"b\":{\"$ref\":\"#\"},"
            + "\"c\":{\"$ref\":\"#\"},\"d\":{\"$ref\":\"#\"},\"e\":{\"$ref\":\"#\"},"
            + "\"f\":{\"$ref\":\"#\"},\"g\":{\"$ref\":\"#\"},\"h\":{\"$ref\":\"#\"}}}"
      })
  void cutsAStructuredAnswerAtMaxTokensLikeAModel(String schema) {
    var result = bounded(CHAT, "{" + USER + ",\"max_tokens\":10" + schemaFormat(schema) + "}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode answer = result.json();
    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(10);
    assertThat(answer.at("/choices/0/message/content").asText())
        .as("the start of the instance, cut")
        .isNotEmpty()
        .hasSizeLessThan(400);
  }

  @Test
  void cutsAStreamedStructuredAnswerAtMaxTokens() {
    String schema = "{\"type\":\"array\",\"minItems\":1e9,\"items\":{\"type\":\"string\"}}";
    var result =
        bounded(
            CHAT, "{" + USER + ",\"max_tokens\":10,\"stream\":true" + schemaFormat(schema) + "}");
    assertThat(result.status()).isEqualTo(200);
    StringBuilder text = new StringBuilder();
    String finish = "";
    for (JsonNode chunk : result.chunks()) {
      text.append(chunk.at("/choices/0/delta/content").asText(""));
      finish = chunk.at("/choices/0/finish_reason").asText(finish);
    }
    assertThat(finish).isEqualTo("length");
    assertThat(text.toString()).startsWith("[\"").hasSizeLessThan(400);
  }

  @Test
  void cutsToolCallArgumentsAtMaxTokens() {
    String parameters =
        "{\"type\":\"object\",\"properties\":{\"xs\":{\"type\":\"array\",\"minItems\":1e9,"
            + "\"items\":{\"type\":\"string\",\"minLength\":2e9}}}}";
    var result =
        bounded(
            CHAT,
            "{"
                + USER
                + ",\"max_tokens\":10,\"tool_choice\":\"required\",\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"parameters\":"
                + parameters
                + "}}]}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode answer = result.json();
    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(answer.at("/choices/0/message/tool_calls/0/function/arguments").asText())
        .startsWith("{\"xs\":[")
        .hasSizeLessThan(400);
    assertThat(answer.at("/usage/completion_tokens").asInt()).isLessThanOrEqualTo(10);
  }

  @Test
  void answersARecursiveSchemaWithoutMaxTokensWithinTheModelsLimit() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"},\"b\":{\"$ref\":\"#\"},"
            + "\"c\":{\"$ref\":\"#\"},\"d\":{\"$ref\":\"#\"},\"e\":{\"$ref\":\"#\"}}}";
    var result = bounded(CHAT, "{" + USER + schemaFormat(schema) + "}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
  }

  @Test
  void refusesASchemaThatOnlyRefersToItself() {
    var error =
        invalidRequest(http.post(CHAT, "{" + USER + schemaFormat("{\"$ref\":\"#\"}") + "}"));
    assertThat(error.get("message").asText())
        .isEqualTo(
            "Invalid schema for response_format 'bomb': In context=('$ref',), '#' refers to itself"
                + " without reaching a schema.");
    assertThat(error.get("param").asText()).isEqualTo("response_format");
  }

  @Test
  void refusesToolParametersThatAreNotAJsonSchema() {
    for (String parameters : new String[] {"\"a string\"", "42", "{\"type\":\"banana\"}"}) {
      var result =
          http.post(
              CHAT,
              "{"
                  + USER
                  + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\","
                  + "\"parameters\":"
                  + parameters
                  + "}}]}");
      var error = invalidRequest(result);
      assertThat(error.get("param").asText()).isEqualTo("tools[0].function.parameters");
    }
  }

  @Test
  void refusesLogitBiasOutOfRangeOrNotKeyedByTokenIds() {
    var high = invalidRequest(http.post(CHAT, "{" + USER + ",\"logit_bias\":{\"50256\":1000}}"));
    assertThat(high.get("message").asText())
        .isEqualTo(
            "Invalid 'logit_bias.50256': decimal above maximum value. Expected a value <= 100, but"
                + " got 1000 instead.");
    var key =
        invalidRequest(http.post(COMPLETIONS, "{\"prompt\":\"Hi\",\"logit_bias\":{\"x\":1}}"));
    assertThat(key.get("message").asText())
        .isEqualTo(
            "Invalid key in 'logit_bias': x. You should only be submitting non-negative integers.");
  }

  @Test
  void refusesTooManyMessagesStopSequencesAndTools() {
    String message = "{\"role\":\"user\",\"content\":\"Hi\"}";
    var messages =
        invalidRequest(
            http.post(
                CHAT,
                "{\"messages\":[" + String.join(",", Collections.nCopies(2049, message)) + "]}"));
    assertThat(messages.get("code").asText()).isEqualTo("array_above_max_length");
    var stop =
        invalidRequest(http.post(CHAT, "{" + USER + ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}"));
    assertThat(stop.get("param").asText()).isEqualTo("stop");
    String tool = "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}";
    var tools =
        invalidRequest(
            http.post(
                CHAT,
                "{"
                    + USER
                    + ",\"tools\":["
                    + String.join(",", Collections.nCopies(129, tool))
                    + "]}"));
    assertThat(tools.get("message").asText())
        .startsWith("Invalid 'tools': array too long. Expected an array with maximum length 128,");
  }

  @Test
  void refusesEmptyTokenArraysAndEmptyPrompts() {
    var nested = invalidRequest(http.post(EMBEDDINGS, "{\"input\":[[]]}"));
    assertThat(nested.get("message").asText())
        .isEqualTo(
            "Invalid 'input[0]': empty array. Expected an array with minimum length 1, but got an"
                + " empty array instead.");
    assertThat(nested.get("code").asText()).isEqualTo("empty_array");
    var flat = invalidRequest(http.post(EMBEDDINGS, "{\"input\":[[1,2],[]]}"));
    assertThat(flat.get("param").asText()).isEqualTo("input[1]");
    var prompt = invalidRequest(http.post(COMPLETIONS, "{\"prompt\":[]}"));
    assertThat(prompt.get("param").asText()).isEqualTo("prompt");
    var tokens = invalidRequest(http.post(COMPLETIONS, "{\"prompt\":[[]]}"));
    assertThat(tokens.get("param").asText()).isEqualTo("prompt[0]");
  }

  @Test
  void refusesTokenIdsOutsideTheVocabulary() {
    var error = invalidRequest(http.post(COMPLETIONS, "{\"prompt\":[2000000000]}"));
    assertThat(error.get("message").asText())
        .isEqualTo(
            "Invalid 'prompt': the array holds a token id that is not in the model's vocabulary.");
  }
}
