package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streamed Responses through an azure backend, whose upstream streams Responses events itself: a
 * fake upstream started by the test replays OpenAI's published streaming events (or fails, before
 * or during the stream), and records what it was sent.
 */
class NativeStreamingTest {
  static final String V1 = "/openai/v1/responses";
  static final List<String> HELLO =
      List.of("Hi", " there!", " How", " can", " I", " assist", " you", " today?");
  static final String VIOLENT =
      "Tell me exactly where to stab someone to hit the heart and kill them.";

  static HttpServer upstream;
  static final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static TestingServer gateway;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", NativeStreamingTest::answer);
    upstream.start();
    gateway = TestingServer.start();
    for (String name : List.of("streaming", "refusing")) {
      var put =
          gateway
              .http()
              .send(
                  "PUT",
                  NativeResponsesTest.backendsOf(gateway, name) + "?api-version=2024-10-01",
                  "{\"properties\":{\"backend\":{\"kind\":\"azure\",\"url\":\"http://127.0.0.1:"
                      + upstream.getAddress().getPort()
                      + "\",\"deployment\":\"up-gpt\",\"apiKey\":\"upstream-key\"}}}",
                  "Authorization",
                  "Bearer " + gateway.server().adminToken());
      assertThat(put.status()).as(put.body()).isIn(200, 201);
    }
    // Upstream failures open a backend's breaker: they go to a backend of their own.
    deployment("streaming", "streaming");
    deployment("metered", "streaming");
    deployment("whole", "streaming");
    deployment("refusing", "refusing");
  }

  static void deployment(String name, String backend) {
    deployment(gateway, name, backend);
  }

  static void deployment(TestingServer gateway, String name, String backend) {
    TestingCli.run(
        gateway,
        "deployment",
        "create",
        "--deployment-name",
        name,
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        backend);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode request = Json.MAPPER.readTree(body);
    paths.add(exchange.getRequestURI().getPath());
    bodies.add(request);
    int status = 200;
    String type = "text/event-stream";
    String answer;
    if (!request.path("stream").asBoolean(false)) {
      type = "application/json";
      answer = NativeResponsesTest.ANSWER;
    } else if (body.contains("throttle me")) {
      status = 429;
      answer = NativeResponsesTest.THROTTLED;
    } else if (body.contains("bad request")) {
      status = 400;
      answer =
          "{\"error\":{\"message\":\"Invalid 'temperature': decimal above maximum value.\","
              + "\"type\":\"invalid_request_error\",\"param\":\"temperature\","
              + "\"code\":\"decimal_above_max_value\"}}";
    } else if (body.contains("break down")) {
      status = 500;
      answer = "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}";
    } else if (body.contains("fail midway")) {
      List<String> events = ResponsesEventsFixture.started(List.of("Once", " upon"));
      events.add(
          "{\"type\":\"error\",\"code\":\"rate_limit_exceeded\","
              + "\"message\":\"Rate limit reached for requests\",\"param\":null}");
      answer = ResponsesEventsFixture.sse(events);
    } else if (body.contains("be violent")) {
      List<String> words = List.of(VIOLENT.split("(?<= )"));
      answer = ResponsesEventsFixture.sse(ResponsesEventsFixture.completed(words, 12, 0, 16));
    } else {
      answer = ResponsesEventsFixture.sse(ResponsesEventsFixture.completed(HELLO, 36, 4, 11));
    }
    if (status != 200) {
      type = "application/json";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  static TestingHttp.Result stream(String deployment, String input) {
    return gateway
        .http()
        .post(
            V1,
            "{\"model\":\""
                + deployment
                + "\",\"input\":\""
                + input
                + "\",\"stream\":true,\"temperature\":0.5}");
  }

  @Test
  void forwardsTheUpstreamEventsInOrderWithThisResourcesIds() {
    var result = stream("streaming", "Hello!");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    assertThat(result.header("content-type")).startsWith("text/event-stream");
    assertThat(result.body()).doesNotContain("x-lazurite", ResponsesEventsFixture.UPSTREAM_ID);
    List<JsonNode> events = result.events();
    List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
    assertThat(types)
        .startsWith(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta")
        .endsWith(
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.completed");
    assertThat(types.stream().filter(t -> t.equals("response.output_text.delta")).count())
        .isEqualTo(HELLO.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    String id = events.getFirst().at("/response/id").asText();
    assertThat(id).startsWith("resp");
    JsonNode completed = events.getLast().get("response");
    assertThat(completed.get("id").asText()).isEqualTo(id);
    assertThat(completed.get("status").asText()).isEqualTo("completed");
    assertThat(completed.get("store").asBoolean()).isTrue();
    assertThat(completed.at("/usage/input_tokens").asInt()).isEqualTo(36);
    assertThat(completed.at("/usage/input_tokens_details/cached_tokens").asInt()).isEqualTo(4);
    assertThat(completed.at("/usage/output_tokens").asInt()).isEqualTo(11);
    assertThat(completed.at("/content_filters/0/source_type").asText()).isEqualTo("prompt");
    assertThat(completed.at("/content_filters/1/source_type").asText()).isEqualTo("completion");
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> e.get("type").asText().equals("response.output_text.delta"))
        .forEach(e -> text.append(e.get("delta").asText()));
    assertThat(text.toString()).isEqualTo(String.join("", HELLO));
    String itemId = events.get(2).at("/item/id").asText();
    assertThat(completed.at("/output/0/id").asText()).isEqualTo(itemId);

    JsonNode sent = bodies.getLast();
    assertThat(paths.getLast()).isEqualTo("/openai/v1/responses");
    assertThat(sent.get("stream").asBoolean()).isTrue();
    assertThat(sent.get("store").asBoolean()).isFalse();
    assertThat(sent.get("model").asText()).isEqualTo("up-gpt");
    assertThat(sent.has("stream_options")).isFalse();

    var stored = gateway.http().send("GET", V1 + "/" + id, null, "api-key", gateway.key());
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().at("/output/0/content/0/text").asText())
        .isEqualTo(String.join("", HELLO));
    var items =
        gateway.http().send("GET", V1 + "/" + id + "/input_items", null, "api-key", gateway.key());
    assertThat(items.status()).as(items.body()).isEqualTo(200);
    assertThat(items.json().at("/data/0/content/0/text").asText()).isEqualTo("Hello!");

    var next =
        gateway
            .http()
            .post(
                V1,
                "{\"model\":\"streaming\",\"input\":\"And then?\",\"stream\":true,"
                    + "\"previous_response_id\":\""
                    + id
                    + "\"}");
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    String input = bodies.getLast().get("input").toString();
    assertThat(input).contains("Hello!", "How can I assist you today?", "And then?");
    assertThat(next.events().getLast().at("/response/previous_response_id").asText()).isEqualTo(id);
  }

  @Test
  void metersTheUpstreamsPromptTokens() {
    var result = stream("metered", "Count me.");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    gateway.server().flushUsage();
    var metered =
        gateway.server().store().summarize("lazurite", Instant.EPOCH).stream()
            .filter(s -> s.deployment().equals("metered"))
            .findFirst()
            .orElseThrow();
    assertThat(metered.requests()).isEqualTo(1);
    assertThat(metered.promptTokens()).isEqualTo(36);
    assertThat(metered.completionTokens()).isEqualTo(11);
  }

  @Test
  void metersTheUpstreamsPromptTokensOfAWholeAnswer() {
    var result = gateway.http().post(V1, "{\"model\":\"whole\",\"input\":\"Count me.\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    gateway.server().flushUsage();
    var metered =
        gateway.server().store().summarize("lazurite", Instant.EPOCH).stream()
            .filter(s -> s.deployment().equals("whole"))
            .findFirst()
            .orElseThrow();
    assertThat(metered.promptTokens()).isEqualTo(36);
    assertThat(metered.completionTokens()).isEqualTo(87);
  }

  @Test
  void aHarmfulAnswerEndsIncompleteWithContentFilters() {
    var result = stream("streaming", "be violent");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> events = result.events();
    assertThat(result.body()).doesNotContain("stab");
    JsonNode last = events.getLast();
    assertThat(last.get("type").asText()).isEqualTo("response.incomplete");
    JsonNode response = last.get("response");
    assertThat(response.at("/incomplete_details/reason").asText()).isEqualTo("content_filter");
    assertThat(response.at("/content_filters/1/blocked").asBoolean()).isTrue();
    assertThat(response.at("/content_filters/1/source_type").asText()).isEqualTo("completion");
    assertThat(response.at("/usage/output_tokens").asInt()).isEqualTo(16);
    assertThat(response.at("/output/0/status").asText()).isEqualTo("incomplete");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    var stored =
        gateway
            .http()
            .send("GET", V1 + "/" + response.get("id").asText(), null, "api-key", gateway.key());
    assertThat(stored.json().get("status").asText()).isEqualTo("incomplete");
  }

  @Test
  void anUpstreamErrorMidStreamEndsWithResponseFailed() {
    var result = stream("refusing", "fail midway");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode last = result.events().getLast();
    assertThat(last.get("type").asText()).isEqualTo("response.failed");
    assertThat(last.at("/response/status").asText()).isEqualTo("failed");
    assertThat(last.at("/response/error/code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(last.at("/response/output/0/status").asText()).isEqualTo("incomplete");
    String id = last.at("/response/id").asText();
    var stored = gateway.http().send("GET", V1 + "/" + id, null, "api-key", gateway.key());
    assertThat(stored.json().get("status").asText()).isEqualTo("failed");
  }

  @Test
  void anUpstreamRefusalBeforeTheStreamIsAzuresError() {
    var throttled = stream("refusing", "throttle me");
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.json().at("/error/code").asText()).isNotEmpty();
    var invalid = stream("refusing", "bad request");
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
    assertThat(invalid.json().at("/error/param").asText()).isEqualTo("temperature");
    var broken = stream("refusing", "break down");
    assertThat(broken.status()).as(broken.body()).isEqualTo(500);
    assertThat(broken.body()).doesNotContain("upstream-key");
  }
}
