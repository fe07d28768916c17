package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Responses API over HTTP: Azure's routes and versions, stored responses, errors. */
class ResponsesApiTest {
  static final String V1 = "/openai/v1/responses";
  static final String DATED = "/openai/responses?api-version=2025-03-01-preview";
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    // Chains carry the simulator's random answers back into the prompt.
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result get(String path) {
    return http.send("GET", path, null, "api-key", server.key());
  }

  static JsonNode create(String body) {
    var result = http.post(V1, body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  static void assertInvalid(TestingHttp.Result result, String param, String message) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").asText(null)).isEqualTo(param);
    assertThat(error.get("message").asText()).isEqualTo(message);
  }

  @Test
  void answersTextInputWithAResponseObjectUsageAndContentFilters() {
    JsonNode r =
        create("{\"model\":\"gpt-4o\",\"input\":\"Hello!\",\"instructions\":\"Be brief.\"}");
    assertThat(r.get("id").asText()).startsWith("resp_");
    assertThat(r.get("object").asText()).isEqualTo("response");
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.get("model").asText()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.get("instructions").asText()).isEqualTo("Be brief.");
    assertThat(r.get("store").asBoolean()).isTrue();
    assertThat(r.get("reasoning").isNull()).isTrue();
    JsonNode message = r.get("output").get(0);
    assertThat(message.get("type").asText()).isEqualTo("message");
    assertThat(message.get("role").asText()).isEqualTo("assistant");
    assertThat(message.get("content").get(0).get("type").asText()).isEqualTo("output_text");
    assertThat(message.get("content").get(0).get("text").asText()).isNotEmpty();
    JsonNode usage = r.get("usage");
    assertThat(usage.get("input_tokens").asInt()).isPositive();
    assertThat(usage.get("total_tokens").asInt())
        .isEqualTo(usage.get("input_tokens").asInt() + usage.get("output_tokens").asInt());
    assertThat(r.get("content_filters").get(0).get("source_type").asText()).isEqualTo("prompt");
    assertThat(r.get("content_filters").get(0).get("blocked").asBoolean()).isFalse();
  }

  @Test
  void theDatedRouteNeedsAVersionFrom2025_03_01_preview() {
    String body = "{\"model\":\"gpt-4o\",\"input\":\"Hi\"}";
    assertThat(http.post(DATED, body).status()).isEqualTo(200);
    assertThat(http.post("/openai/responses?api-version=2025-04-01-preview", body).status())
        .isEqualTo(200);
    assertThat(http.post("/openai/responses?api-version=preview", body).status()).isEqualTo(200);
    for (String old : List.of("2024-10-21", "2025-01-01-preview", "2024-12-01-preview")) {
      var refused = http.post("/openai/responses?api-version=" + old, body);
      assertInvalid(
          refused,
          null,
          "Azure OpenAI Responses API is enabled only for api-version 2025-03-01-preview and"
              + " later");
    }
    assertThat(http.post("/openai/responses?api-version=banana", body).status()).isEqualTo(404);
    assertThat(get("/openai/responses/resp_x?api-version=2024-10-21").status()).isEqualTo(400);
  }

  @Test
  void aStoredResponseIsRetrievedListedAndDeleted() {
    JsonNode r =
        create("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    String id = r.get("id").asText();
    var got = get(V1 + "/" + id);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(r);
    assertThat(get("/openai/responses/" + id + "?api-version=2025-03-01-preview").json())
        .isEqualTo(r);

    JsonNode items = get(V1 + "/" + id + "/input_items").json();
    assertThat(items.get("object").asText()).isEqualTo("list");
    assertThat(items.get("data")).hasSize(1);
    JsonNode item = items.get("data").get(0);
    assertThat(item.get("id").asText()).startsWith("msg_");
    assertThat(item.get("content").get(0).get("type").asText()).isEqualTo("input_text");
    assertThat(items.get("first_id")).isEqualTo(item.get("id"));
    assertThat(items.get("has_more").asBoolean()).isFalse();

    var deleted = http.send("DELETE", V1 + "/" + id, null, "api-key", server.key());
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
    var gone = get(V1 + "/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("error").get("message").asText())
        .isEqualTo("Response with id '" + id + "' not found.");
    assertThat(http.send("DELETE", V1 + "/" + id, null, "api-key", server.key()).status())
        .isEqualTo(404);
  }

  @Test
  void aResponseNotStoredCannotBeRetrievedOrContinued() {
    JsonNode r = create("{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"store\":false}");
    assertThat(r.get("store").asBoolean()).isFalse();
    assertThat(get(V1 + "/" + r.get("id").asText()).status()).isEqualTo(404);
    var continued =
        http.post(
            V1,
            "{\"model\":\"gpt-4o\",\"input\":\"More\",\"previous_response_id\":\""
                + r.get("id").asText()
                + "\"}");
    assertThat(continued.status()).isEqualTo(404);
    assertThat(continued.json().get("error").get("param").asText())
        .isEqualTo("previous_response_id");
  }

  @Test
  void previousResponseIdPrependsTheChain() {
    JsonNode first = create("{\"model\":\"gpt-4o\",\"input\":\"My name is Ada.\"}");
    JsonNode second =
        create(
            "{\"model\":\"gpt-4o\",\"input\":\"What is my name?\",\"previous_response_id\":\""
                + first.get("id").asText()
                + "\"}");
    assertThat(second.get("previous_response_id").asText()).isEqualTo(first.get("id").asText());
    assertThat(second.get("usage").get("input_tokens").asInt())
        .as("the second turn carries the first turn's input and output")
        .isGreaterThan(
            first.get("usage").get("input_tokens").asInt()
                + first.get("usage").get("output_tokens").asInt());
  }

  @Test
  void streamsEveryEventInOrderEndingWithUsage() {
    var result = http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"Hello!\",\"stream\":true}");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("content-type")).startsWith("text/event-stream");
    assertThat(result.body())
        .startsWith("event: response.created\ndata: {\"type\":\"response.created\"");
    List<JsonNode> events = result.events();
    List<String> types = events.stream().map(e -> e.get("type").asText()).distinct().toList();
    assertThat(types)
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.completed");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> e.get("type").asText().equals("response.output_text.delta"))
        .forEach(e -> text.append(e.get("delta").asText()));
    JsonNode done = events.getLast().get("response");
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("output").get(0).get("content").get(0).get("text").asText())
        .isEqualTo(text.toString());
    assertThat(done.get("usage").get("output_tokens").asInt()).isPositive();
    String id = done.get("id").asText();
    assertThat(get(V1 + "/" + id).json()).isEqualTo(done);
  }

  @Test
  void aFunctionToolIsCalledAndItsOutputAnswered() {
    String tool =
        "\"tools\":[{\"type\":\"function\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]";
    JsonNode r = create("{\"model\":\"gpt-4o\",\"input\":\"Weather in Paris?\"," + tool + "}");
    JsonNode call = r.get("output").get(0);
    assertThat(call.get("type").asText()).isEqualTo("function_call");
    assertThat(call.get("name").asText()).isEqualTo("weather");
    assertThat(call.get("call_id").asText()).startsWith("call_");
    JsonNode answer =
        create(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + r.get("id").asText()
                + "\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\""
                + call.get("call_id").asText()
                + "\",\"output\":\"sunny\"}],"
                + tool
                + "}");
    assertThat(answer.get("output").get(0).get("type").asText()).isEqualTo("message");
  }

  @Test
  void jsonSchemaOutputFollowsTheSchema() {
    JsonNode r =
        create(
            "{\"model\":\"gpt-4o\",\"input\":\"A person\",\"text\":{\"format\":{\"type\":"
                + "\"json_schema\",\"name\":\"person\",\"strict\":true,\"schema\":{\"type\":"
                + "\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":"
                + "\"integer\"}},\"required\":[\"name\",\"age\"],\"additionalProperties\":false}}}}");
    String text = r.get("output").get(0).get("content").get(0).get("text").asText();
    JsonNode person = dev.lazurite.json.Json.read(text, JsonNode.class);
    assertThat(person.get("name").isTextual()).isTrue();
    assertThat(person.get("age").isIntegralNumber()).isTrue();
    assertThat(r.get("text").get("format").get("name").asText()).isEqualTo("person");
  }

  @Test
  void reasoningIsEchoedForReasoningModels() {
    server.deploy(
        new dev.lazurite.control.DeploymentRequest(
            "o4-mini", "o4-mini", "", "GlobalStandard", 100, "", "", java.util.Optional.empty()));
    JsonNode r =
        create("{\"model\":\"o4-mini\",\"input\":\"Think\",\"reasoning\":{\"effort\":\"low\"}}");
    assertThat(r.get("reasoning").get("effort").asText()).isEqualTo("low");
    var refused =
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"reasoning\":{\"effort\":\"low\"}}");
    assertInvalid(
        refused,
        "reasoning.effort",
        "Unsupported parameter: 'reasoning.effort' is not supported with this model.");
  }

  @Test
  void refusesMalformedAndWrongBodies() {
    assertThat(http.post(V1, "{\"model\":").status()).isEqualTo(400);
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\"}"), "input", "Missing required parameter: 'input'.");
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":42}"),
        "input",
        "Invalid type for 'input': expected a string or an array, but got an integer instead.");
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"store\":\"yes\"}"),
        "store",
        "Invalid type for 'store': expected a boolean, but got a string instead.");
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"messages\":[]}"),
        "messages",
        "Unknown parameter: 'messages'.");
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
        "input[0].role",
        "Invalid value: 'robot'. Supported values are: 'user', 'assistant', 'system', and"
            + " 'developer'.");
    assertInvalid(
        http.post(V1, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"background\":true,\"store\":false}"),
        "background",
        "Background mode requires 'store' to be true.");
    assertInvalid(
        http.post(
            V1, "{\"model\":\"gpt-4o\",\"input\":\"x\",\"tools\":[{\"type\":\"web_search\"}]}"),
        "tools[0].type",
        "The tool type 'web_search' is not supported here; use 'function' or 'file_search'.");
    assertThat(http.post(V1, "{\"model\":\"nope\",\"input\":\"x\"}").status()).isEqualTo(404);
    String huge = "{\"model\":\"gpt-4o\",\"input\":\"" + "a".repeat(40 * 1024 * 1024) + "\"}";
    assertThat(http.post(V1, huge).status()).isEqualTo(413);
  }

  @Test
  void anotherResourceCannotSeeAResponse() {
    String id = create("{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").get("id").asText();
    var accounts = new TestingAccounts(server);
    accounts.create("others");
    var other = new TestingHttp(server.endpoint() + "/accounts/others", accounts.key1("others"));
    String key = accounts.key1("others");
    assertThat(other.send("GET", V1 + "/" + id, null, "api-key", key).status()).isEqualTo(404);
    assertThat(other.send("DELETE", V1 + "/" + id, null, "api-key", key).status()).isEqualTo(404);
    assertThat(get(V1 + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void cancelIsForBackgroundResponses() {
    String id = create("{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").get("id").asText();
    assertInvalid(
        http.post(V1 + "/" + id + "/cancel", null), null, "Cannot cancel a synchronous response.");
    // A simulator that takes seconds to answer, so that the background response is still running
    // when it is cancelled (at zero delay it may already have completed).
    try (TestingServer slow =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ofSeconds(2), Duration.ofMillis(50), 60, 60)))) {
      var created =
          slow.http().post(V1, "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"background\":true}");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      JsonNode background = created.json();
      var cancelled = slow.http().post(V1 + "/" + background.get("id").asText() + "/cancel", null);
      assertThat(cancelled.status()).isEqualTo(200);
      assertThat(cancelled.json().get("id")).isEqualTo(background.get("id"));
    }
  }

  @Test
  void assistantsRoutesPointToResponses() {
    for (String path :
        List.of(
            "/openai/assistants?api-version=2024-05-01-preview",
            "/openai/threads/thread_1/runs?api-version=2024-05-01-preview",
            "/openai/v1/assistants")) {
      var result = get(path);
      assertThat(result.status()).isEqualTo(404);
      assertThat(result.json().get("error").get("message").asText())
          .contains("2026-08-26")
          .contains("/openai/v1/responses");
    }
  }
}
