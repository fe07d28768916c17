package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every data-plane error path answers Azure's status and exact body, with Azure's headers. */
class DataPlaneErrorsTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  static final String INVALID_KEY =
      "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or"
          + " wrong API endpoint. Make sure to provide a valid key for an active subscription and"
          + " use a correct regional API endpoint for your resource.\"}}";
  static final String NOT_FOUND =
      "{\"error\":{\"code\":\"404\",\"message\": \"Resource not found\"}}";

  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start(c -> c.withMaxBodyBytes(64 * 1024));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rejectsWrongKeyWithAzures401() {
    var result = http.send("POST", CHAT, HELLO, "api-key", "0123456789abcdef0123456789abcdef");
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.body()).isEqualTo(INVALID_KEY);
    assertThat(result.header("content-type")).isEqualTo("application/json");
  }

  @Test
  void rejectsMissingKeyWithAzures401() {
    var result = http.send("POST", CHAT, HELLO);
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.body()).isEqualTo(INVALID_KEY);
  }

  @Test
  void rejectsInvalidBearerTokenOnDatedRoutesWithTheBareTokenBody() {
    var result = http.send("POST", CHAT, HELLO, "Authorization", "Bearer eyJhbGciOi.eyJzdWIi.c2ln");
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.body())
        .isEqualTo(
            "{\"statusCode\":401,\"message\":\"Unauthorized. Access token is missing, invalid,"
                + " audience is incorrect (https://cognitiveservices.azure.com), or have"
                + " expired.\"}");
  }

  @Test
  void neverReadsTheKeyFromTheQueryString() {
    var result = http.send("POST", CHAT + "&api-key=" + server.key(), HELLO);
    assertThat(result.status()).isEqualTo(401);
  }

  @Test
  void answersUnknownDeploymentWithDeploymentNotFound() {
    var result =
        http.post("/openai/deployments/nope/chat/completions?api-version=2024-10-21", HELLO);
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this"
                + " resource does not exist. If you created the deployment within the last 5"
                + " minutes, please wait a moment and try again.\"}}");
  }

  @Test
  void answersMissingApiVersionWithTheExact404Bytes() {
    var result = http.post("/openai/deployments/gpt-4o/chat/completions", HELLO);
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.body()).isEqualTo(NOT_FOUND);
    assertThat(result.body().length()).isEqualTo(56);
  }

  @Test
  void answersUnknownApiVersionWith404() {
    var result =
        http.post("/openai/deployments/gpt-4o/chat/completions?api-version=2031-01-01", HELLO);
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void chatDoesNotExistBeforeItsFirstApiVersion() {
    var result =
        http.post("/openai/deployments/gpt-4o/chat/completions?api-version=2022-12-01", HELLO);
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void answersUnknownPathsAndWrongMethodsWith404() {
    assertThat(
            http.post("/openai/deployments/gpt-4o/chat/complete?api-version=2024-10-21", HELLO)
                .body())
        .isEqualTo(NOT_FOUND);
    assertThat(http.send("GET", CHAT, null, "api-key", server.key()).status()).isEqualTo(404);
    assertThat(http.send("GET", "/nothing/here", null).body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void rejectsMalformedJson() {
    var result = http.post(CHAT, "{\"messages\": [");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"We could not parse the JSON body of your request. The API"
                + " expects a JSON payload, but what was sent was not valid JSON.\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":null}}");
  }

  @Test
  void rejectsABodyThatIsNotAnObject() {
    var result = http.post(CHAT, "[1,2]");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("invalid_type");
  }

  @Test
  void rejectsWrongTypes() {
    var result =
        http.post(
            CHAT,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":\"hot\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"Invalid type for 'temperature': expected a decimal, but got a"
                + " string instead.\",\"type\":\"invalid_request_error\",\"param\":\"temperature\","
                + "\"code\":\"invalid_type\"}}");
  }

  @Test
  void rejectsMissingMessages() {
    var result = http.post(CHAT, "{}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"Missing required parameter: 'messages'.\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"messages\",\"code\":"
                + "\"missing_required_parameter\"}}");
  }

  @Test
  void rejectsUnknownParameters() {
    var result =
        http.post(
            CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"colour\":\"blue\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"Unrecognized request argument supplied: colour\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":null}}");
  }

  @Test
  void rejectsParametersNewerThanTheApiVersion() {
    var body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_completion_tokens\":5}";
    assertThat(
            http.post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01", body)
                .json()
                .at("/error/message")
                .asText())
        .isEqualTo("Unrecognized request argument supplied: max_completion_tokens");
    assertThat(http.post(CHAT, body).status()).isEqualTo(200);
  }

  @Test
  void rejectsOversizeBodiesWith413() {
    String big =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(70 * 1024) + "\"}]}";
    var result = http.post(CHAT, big);
    assertThat(result.status()).isEqualTo(413);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("request_too_large");
    assertThat(result.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void rejectsContextOverflowAtTheModelsRealContextSize() {
    // gpt-35-turbo 0613 has a 4,096-token window; 5,000 repetitions of " hello" are 5,000 tokens.
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\""
            + " hello".repeat(5000)
            + "\"}],\"max_tokens\":100}";
    var result =
        http.post("/openai/deployments/gpt-35-turbo/chat/completions?api-version=2024-10-21", body);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens. However,"
                + " you requested 5107 tokens (5007 in the messages, 100 in the completion). Please"
                + " reduce the length of the messages or completion.\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"messages\",\"code\":"
                + "\"context_length_exceeded\"}}");
  }

  @Test
  void rejectsOperationsTheModelCannotDo() {
    var result =
        http.post(
            "/openai/deployments/gpt-4o/embeddings?api-version=2024-10-21", "{\"input\":\"hi\"}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("OperationNotSupported");
    assertThat(result.json().at("/error/message").asText())
        .startsWith("The embeddings operation does not work with the specified model, gpt-4o.");
  }

  @Test
  void v1RoutesAcceptTheKeyAsABearerTokenAndNeedAModel() {
    var ok =
        http.send(
            "POST",
            "/openai/v1/chat/completions",
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "Authorization",
            "Bearer " + server.key());
    assertThat(ok.status()).isEqualTo(200);
    var noModel =
        http.send(
            "POST",
            "/openai/v1/chat/completions",
            HELLO,
            "Authorization",
            "Bearer " + server.key());
    assertThat(noModel.status()).isEqualTo(400);
    assertThat(noModel.json().at("/error/message").asText())
        .isEqualTo("Missing required parameter: 'model'.");
  }

  @Test
  void everyResponseCarriesAzuresHeadersAndEchoesTheClientRequestId() {
    var ok =
        http.send(
            "POST", CHAT, HELLO, "api-key", server.key(), "x-ms-client-request-id", "abc-123");
    var error = http.send("POST", CHAT, HELLO, "x-ms-client-request-id", "def-456");
    for (var result : java.util.List.of(ok, error)) {
      assertThat(result.header("apim-request-id")).matches("[0-9a-f-]{36}");
      assertThat(result.header("x-request-id")).matches("[0-9a-f-]{36}");
      assertThat(result.header("x-ms-region")).isEqualTo("East US");
    }
    assertThat(ok.header("x-ms-client-request-id")).isEqualTo("abc-123");
    assertThat(error.header("x-ms-client-request-id")).isEqualTo("def-456");
  }
}
