package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /responses/input_tokens}: the input tokens a Responses request would be billed, as
 * the created response's usage counts them, with the stored chain and tools; its refusals.
 */
class InputTokensTest {
  static final String V1 = "/openai/v1/responses";
  static final String COUNT = V1 + "/input_tokens";
  static final String TOOLS =
      ",\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"The weather"
          + " in a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
          + "{\"type\":\"string\"}},\"required\":[\"city\"]}}]";
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static int count(String body) {
    var result = http.post(COUNT, body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode answer = result.json();
    assertThat(answer.get("object").asText()).isEqualTo("response.input_tokens");
    assertThat(answer.size()).isEqualTo(2);
    return answer.get("input_tokens").asInt();
  }

  static JsonNode create(String body) {
    var result = http.post(V1, body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  static void assertInvalid(TestingHttp.Result result, String param, String message) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("param").asText(null)).isEqualTo(param);
    assertThat(error.get("message").asText()).isEqualTo(message);
  }

  @Test
  void countsWhatTheCreatedResponseIsBilledFor() {
    String body =
        "{\"model\":\"gpt-4o\",\"input\":\"Hello! What is the capital of France?\","
            + "\"instructions\":\"Be brief.\"}";
    int counted = count(body);
    assertThat(counted).isPositive();
    assertThat(create(body).at("/usage/input_tokens").asInt()).isEqualTo(counted);

    String withTools = "{\"model\":\"gpt-4o\",\"input\":\"Weather in Paris?\"" + TOOLS + "}";
    int toolsCounted = count(withTools);
    assertThat(toolsCounted)
        .isGreaterThan(count("{\"model\":\"gpt-4o\",\"input\":\"Weather in Paris?\"}"));
    assertThat(create(withTools).at("/usage/input_tokens").asInt()).isEqualTo(toolsCounted);

    String items =
        "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":"
            + "\"input_text\",\"text\":\"Hi\"}]},{\"type\":\"function_call_output\",\"call_id\":"
            + "\"call_1\",\"output\":\"{\\\"temperature\\\":21}\"}]}";
    assertThat(count(items)).isPositive();
  }

  @Test
  void countsTheStoredChainOfPreviousResponseId() {
    String first =
        create("{\"model\":\"gpt-4o\",\"input\":\"Tell me a story.\"}").get("id").asText();
    String next =
        "{\"model\":\"gpt-4o\",\"input\":\"And then?\",\"previous_response_id\":\"" + first + "\"}";
    int chained = count(next);
    assertThat(chained).isGreaterThan(count("{\"model\":\"gpt-4o\",\"input\":\"And then?\"}"));
    assertThat(create(next).at("/usage/input_tokens").asInt()).isEqualTo(chained);
    // Without input, the chain alone.
    int chainOnly = count("{\"model\":\"gpt-4o\",\"previous_response_id\":\"" + first + "\"}");
    assertThat(chainOnly).isPositive().isLessThan(chained);
  }

  @Test
  void theDatedRouteNeedsAResponsesVersion() {
    String body = "{\"model\":\"gpt-4o\",\"input\":\"Hi\"}";
    var dated = http.post("/openai/responses/input_tokens?api-version=2025-03-01-preview", body);
    assertThat(dated.status()).as(dated.body()).isEqualTo(200);
    assertThat(dated.json().get("input_tokens").asInt()).isEqualTo(count(body));
    var deployment =
        http.post(
            "/openai/deployments/gpt-4o/responses/input_tokens?api-version=2025-03-01-preview",
            body);
    assertThat(deployment.status()).as(deployment.body()).isEqualTo(200);
    assertThat(deployment.json().get("input_tokens").asInt()).isEqualTo(count(body));
    var old = http.post("/openai/responses/input_tokens?api-version=2024-10-21", body);
    assertInvalid(
        old,
        null,
        "Azure OpenAI Responses API is enabled only for api-version 2025-03-01-preview and later");
  }

  @Test
  void refusesMalformedAndWrongBodies() {
    assertThat(http.post(COUNT, "{\"model\":").status()).isEqualTo(400);
    assertThat(http.post(COUNT, "[1,2]").status()).isEqualTo(400);
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\",\"input\":42}"),
        "input",
        "Invalid type for 'input': expected a string or an array, but got an integer instead.");
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"stream\":true}"),
        "stream",
        "Unknown parameter: 'stream'.");
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"conversation\":\"conv_1\"}"),
        "conversation",
        "The 'conversation' parameter is not supported: continue a conversation with"
            + " 'previous_response_id'.");
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\"}"),
        "input",
        "Missing required parameter: 'input'.");
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\",\"input\":[]}"),
        "input",
        "Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty"
            + " array instead.");
    assertInvalid(
        http.post(
            COUNT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"tools\":[{\"type\":\"web_search\"}]}"),
        "tools[0].type",
        "The tool type 'web_search' is not supported here; use 'function' or 'file_search'.");
    assertInvalid(
        http.post(COUNT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"truncation\":\"sometimes\"}"),
        "truncation",
        "Invalid value: 'sometimes'. Supported values are: 'auto', and 'disabled'.");
    var noModel = http.post(COUNT, "{\"input\":\"x\"}");
    assertThat(noModel.status()).as(noModel.body()).isEqualTo(400);
    assertThat(http.post(COUNT, "{\"model\":\"nope\",\"input\":\"x\"}").status()).isEqualTo(404);
    var missing =
        http.post(
            COUNT, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"previous_response_id\":\"resp_x\"}");
    assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    assertThat(missing.json().at("/error/param").asText()).isEqualTo("previous_response_id");
    String huge = "{\"model\":\"gpt-4o\",\"input\":\"" + "a".repeat(17 * 1024 * 1024) + "\"}";
    assertThat(http.post(COUNT, huge).status()).isEqualTo(413);
  }

  @Test
  void conversationsAreNotServed() {
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"conversation\":\"conv_1\"}"),
        "conversation",
        "Unknown parameter: 'conversation'.");
    var created = http.post("/openai/v1/conversations", "{\"items\":[]}");
    assertThat(created.status()).as(created.body()).isEqualTo(404);
  }

  @Test
  void anotherResourcesResponseCannotBeCounted() {
    String id = create("{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").get("id").asText();
    var accounts = new TestingAccounts(server);
    accounts.create("counters");
    String key = accounts.key1("counters");
    var other = new TestingHttp(server.endpoint() + "/accounts/counters", key);
    var refused =
        other.send(
            "POST",
            COUNT,
            "{\"model\":\"gpt-4o\",\"input\":\"x\",\"previous_response_id\":\"" + id + "\"}",
            "api-key",
            key);
    assertThat(refused.status()).as(refused.body()).isEqualTo(404);
    assertThat(refused.json().at("/error/param").asText()).isEqualTo("previous_response_id");
  }
}
