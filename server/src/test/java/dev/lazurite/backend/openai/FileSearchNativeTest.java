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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code file_search} through a backend whose upstream serves Responses itself: the gateway
 * searches its own index, the upstream gets the grounded instructions and no file_search tool, and
 * the client gets the call item first and the citations, whole or streamed.
 */
class FileSearchNativeTest {
  static final String V1 = "/openai/v1/responses";
  static final List<String> ANSWER = List.of("Employees get 25 days", " of paid vacation [doc1].");

  static HttpServer upstream;
  static final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  static TestingServer gateway;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", FileSearchNativeTest::answer);
    upstream.start();
    gateway = TestingServer.start();
    var put =
        gateway
            .http()
            .send(
                "PUT",
                NativeResponsesTest.backendsOf(gateway, "native") + "?api-version=2024-10-01",
                "{\"properties\":{\"backend\":{\"kind\":\"azure\",\"url\":\"http://127.0.0.1:"
                    + upstream.getAddress().getPort()
                    + "\",\"deployment\":\"up-gpt\",\"apiKey\":\"upstream-key\"}}}",
                "Authorization",
                "Bearer " + gateway.server().adminToken());
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    NativeStreamingTest.deployment(gateway, "searching", "native");
    TestingCli.run(gateway, "search", "create", "--name", "kb");
    String key =
        TestingCli.run(gateway, "search", "keys", "list", "--name", "kb")
            .path("primaryKey")
            .asText();
    var search = new TestingHttp(gateway.endpoint(), key);
    var index =
        search.send(
            "PUT",
            "/search/kb/indexes('handbook')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var upload =
        search.send(
            "POST",
            "/search/kb/indexes('handbook')/docs/search.index?api-version=2024-07-01",
            "{\"value\":[{\"@search.action\":\"upload\",\"id\":\"1\",\"title\":\"Vacation policy\","
                + "\"content\":\"Employees get 25 days of paid vacation a year.\"}]}",
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode request = Json.MAPPER.readTree(body);
    bodies.add(request);
    String type = "text/event-stream";
    String text = String.join("", ANSWER);
    List<String> events = ResponsesEventsFixture.completed(ANSWER, 120, 0, 9);
    String answer = ResponsesEventsFixture.sse(events);
    if (!request.path("stream").asBoolean(false)) {
      type = "application/json";
      answer =
          ResponsesEventsFixture.response(
              "completed",
              ResponsesEventsFixture.item("completed", text),
              "{\"input_tokens\":120,\"output_tokens\":9,\"total_tokens\":129}");
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  static String body(boolean stream) {
    return "{\"model\":\"searching\",\"input\":\"How much paid vacation do employees get?\","
        + "\"instructions\":\"Be brief.\",\"stream\":"
        + stream
        + ",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"]}],"
        + "\"include\":[\"file_search_call.results\"]}";
  }

  @Test
  void theUpstreamGetsTheGroundedInstructionsAndTheClientTheCall() {
    bodies.clear();
    var result = gateway.http().post(V1, body(false));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode sent = bodies.getLast();
    assertThat(sent.has("tools")).isFalse();
    assertThat(sent.path("include")).isEmpty();
    assertThat(sent.get("instructions").asText())
        .startsWith("Be brief.")
        .contains("[doc1] Title: Vacation policy")
        .contains("25 days of paid vacation");
    JsonNode r = result.json();
    assertThat(r.at("/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(r.at("/output/0/results/0/text").asText()).contains("25 days");
    assertThat(r.at("/output/1/type").asText()).isEqualTo("message");
    JsonNode citation = r.at("/output/1/content/0/annotations/0");
    assertThat(citation.get("type").asText()).isEqualTo("file_citation");
    assertThat(citation.get("file_id").asText()).isEqualTo("Vacation policy");
    assertThat(citation.get("index").asInt()).isEqualTo(String.join("", ANSWER).indexOf("[doc1]"));
  }

  @Test
  void streamedTheCallComesFirstAndTheUpstreamsItemsFollowIt() {
    var result = gateway.http().post(V1, body(true));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> events = result.events();
    List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
    assertThat(types.subList(0, 8))
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.file_search_call.in_progress",
            "response.file_search_call.searching",
            "response.file_search_call.completed",
            "response.output_item.done",
            "response.output_item.added");
    assertThat(events.get(2).at("/item/type").asText()).isEqualTo("file_search_call");
    assertThat(events.get(7).at("/item/type").asText()).isEqualTo("message");
    assertThat(events.get(7).get("output_index").asInt()).isEqualTo(1);
    int annotation = types.indexOf("response.output_text.annotation.added");
    assertThat(annotation).isPositive().isLessThan(types.indexOf("response.output_text.done"));
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    JsonNode completed = events.getLast();
    assertThat(completed.get("type").asText()).isEqualTo("response.completed");
    assertThat(completed.at("/response/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(completed.at("/response/output/1/content/0/annotations/0/type").asText())
        .isEqualTo("file_citation");
  }
}
