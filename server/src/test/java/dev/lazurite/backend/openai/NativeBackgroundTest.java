package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Background responses on an azure backend run on the upstream's own Responses API: a fake upstream
 * started by the test replays OpenAI's published streaming events (or holds its stream open until
 * the test releases it), and records what it was sent. The background lifecycle (queued, in
 * progress, completed or cancelled, a resumable stream) is the same as on a translated backend.
 */
class NativeBackgroundTest {
  static final String V1 = "/openai/v1/responses";
  static final long PATIENCE_MS = 60_000;

  static HttpServer upstream;
  static final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static final CountDownLatch HELD = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static TestingServer gateway;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", NativeBackgroundTest::answer);
    upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    upstream.start();
    gateway = TestingServer.start();
    // Upstream failures open a backend's breaker: they go to a backend of their own.
    for (String backend : List.of("native-bg", "native-bg-failing")) {
      var put =
          gateway
              .http()
              .send(
                  "PUT",
                  NativeResponsesTest.backendsOf(gateway, backend) + "?api-version=2024-10-01",
                  "{\"properties\":{\"backend\":{\"kind\":\"azure\",\"url\":\"http://127.0.0.1:"
                      + upstream.getAddress().getPort()
                      + "\",\"deployment\":\"up-gpt\",\"apiKey\":\"upstream-key\"}}}",
                  "Authorization",
                  "Bearer " + gateway.server().adminToken());
      assertThat(put.status()).as(put.body()).isIn(200, 201);
    }
    for (String name : List.of("bg", "bg-metered", "bg-streamed", "bg-held")) {
      NativeStreamingTest.deployment(gateway, name, "native-bg");
    }
    NativeStreamingTest.deployment(gateway, "bg-failing", "native-bg-failing");
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    gateway.close();
    upstream.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    paths.add(exchange.getRequestURI().getPath());
    JsonNode request = Json.MAPPER.readTree(body);
    bodies.add(request);
    if (!request.path("stream").asBoolean(false)) {
      byte[] whole = NativeResponsesTest.ANSWER.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, whole.length);
      exchange.getResponseBody().write(whole);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      if (body.contains("fail midway")) {
        List<String> events = ResponsesEventsFixture.started(List.of("Once", " upon"));
        events.add(
            "{\"type\":\"error\",\"code\":\"rate_limit_exceeded\","
                + "\"message\":\"Rate limit reached for requests\",\"param\":null}");
        out.write(ResponsesEventsFixture.sse(events).getBytes(StandardCharsets.UTF_8));
      } else if (body.contains("Hold on")) {
        List<String> started = ResponsesEventsFixture.started(List.of("Wait"));
        out.write(ResponsesEventsFixture.sse(started).getBytes(StandardCharsets.UTF_8));
        out.flush();
        HELD.countDown();
        RELEASE.await(PATIENCE_MS, TimeUnit.MILLISECONDS);
        List<String> rest = ResponsesEventsFixture.completed(List.of("Wait", "ed."), 20, 0, 3);
        String tail = ResponsesEventsFixture.sse(rest.subList(started.size(), rest.size()));
        out.write(tail.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(
            ResponsesEventsFixture.sse(
                    ResponsesEventsFixture.completed(NativeStreamingTest.HELLO, 36, 4, 11))
                .getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static TestingHttp.Result send(String method, String path, String body) {
    return gateway.http().send(method, path, body, "api-key", gateway.key());
  }

  /** Polls a response until it leaves {@code queued} and {@code in_progress}. */
  static JsonNode ended(String id) throws InterruptedException {
    long until = System.currentTimeMillis() + PATIENCE_MS;
    while (System.currentTimeMillis() < until) {
      JsonNode now = send("GET", V1 + "/" + id, null).json();
      String status = now.get("status").asText();
      if (!status.equals("queued") && !status.equals("in_progress")) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("response " + id + " did not end");
  }

  @Test
  void aBackgroundResponseRunsOnTheUpstreamsResponsesApi() throws InterruptedException {
    var created = send("POST", V1, "{\"model\":\"bg\",\"input\":\"Hello!\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("status").asText()).isEqualTo("queued");
    assertThat(created.json().get("background").asBoolean()).isTrue();
    String id = created.json().get("id").asText();

    JsonNode done = ended(id);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("id").asText()).isEqualTo(id);
    assertThat(done.get("background").asBoolean()).isTrue();
    assertThat(done.at("/output/0/content/0/text").asText())
        .isEqualTo(String.join("", NativeStreamingTest.HELLO));
    assertThat(done.at("/output/0/id").asText()).isEqualTo(ResponsesEventsFixture.ITEM_ID);
    assertThat(done.at("/usage/input_tokens").asInt()).isEqualTo(36);
    assertThat(done.at("/usage/input_tokens_details/cached_tokens").asInt()).isEqualTo(4);
    assertThat(done.at("/usage/output_tokens").asInt()).isEqualTo(11);
    assertThat(done.toString()).doesNotContain("x-lazurite", ResponsesEventsFixture.UPSTREAM_ID);

    JsonNode sent = bodies.getLast();
    assertThat(paths.getLast()).isEqualTo("/openai/v1/responses");
    assertThat(sent.get("stream").asBoolean()).isTrue();
    assertThat(sent.get("store").asBoolean()).isFalse();
    assertThat(sent.has("background")).isFalse();
    assertThat(sent.has("stream_options")).isFalse();
    assertThat(sent.get("model").asText()).isEqualTo("up-gpt");

    // The stored chain continues on the upstream as input items.
    var next =
        send(
            "POST",
            V1,
            "{\"model\":\"bg\",\"input\":\"And then?\",\"previous_response_id\":\"" + id + "\"}");
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    assertThat(bodies.getLast().get("input").toString())
        .contains("Hello!", "How can I assist you today?", "And then?");
  }

  /** Waits for a deployment's usage row, which the run records just after the response ends. */
  private static dev.lazurite.store.UsageStore.UsageSummary meteredRow(String deployment)
      throws InterruptedException {
    long until = System.currentTimeMillis() + PATIENCE_MS;
    while (true) {
      gateway.server().flushUsage();
      var row =
          gateway.server().store().summarize("lazurite", Instant.EPOCH).stream()
              .filter(s -> s.deployment().equals(deployment))
              .findFirst();
      if (row.isPresent() || System.currentTimeMillis() > until) {
        return row.orElseThrow(() -> new AssertionError("no usage row for " + deployment));
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aBackgroundResponseIsMeteredByTheUpstreamsTokens() throws InterruptedException {
    var created =
        send("POST", V1, "{\"model\":\"bg-metered\",\"input\":\"Count me.\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(ended(created.json().get("id").asText()).get("status").asText())
        .isEqualTo("completed");
    // The response is stored as ended before its run's last stage meters it: wait for the row.
    var metered = meteredRow("bg-metered");
    assertThat(metered.requests()).isEqualTo(1);
    assertThat(metered.promptTokens()).isEqualTo(36);
    assertThat(metered.completionTokens()).isEqualTo(11);
  }

  @Test
  void aStreamedBackgroundResponseStreamsTheUpstreamsEventsAndResumes() {
    var created =
        send(
            "POST",
            V1,
            "{\"model\":\"bg-streamed\",\"input\":\"Hello!\",\"background\":true,\"stream\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    List<JsonNode> events = created.events();
    List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
    assertThat(types)
        .startsWith(
            "response.queued",
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta")
        .endsWith("response.output_item.done", "response.completed");
    assertThat(types.stream().filter(t -> t.equals("response.output_text.delta")).count())
        .isEqualTo(NativeStreamingTest.HELLO.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    String id = events.getFirst().at("/response/id").asText();
    JsonNode completed = events.getLast().get("response");
    assertThat(completed.get("id").asText()).isEqualTo(id);
    assertThat(completed.get("background").asBoolean()).isTrue();
    assertThat(completed.at("/usage/input_tokens").asInt()).isEqualTo(36);
    assertThat(created.body()).doesNotContain("x-lazurite", ResponsesEventsFixture.UPSTREAM_ID);

    var rest = send("GET", V1 + "/" + id + "?stream=true&starting_after=4", null);
    assertThat(rest.status()).as(rest.body()).isEqualTo(200);
    assertThat(rest.events()).isEqualTo(events.subList(5, events.size()));
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void anUpstreamErrorMidStreamEndsTheBackgroundResponseFailed() throws InterruptedException {
    var created =
        send(
            "POST", V1, "{\"model\":\"bg-failing\",\"input\":\"fail midway\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode failed = ended(created.json().get("id").asText());
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(failed.at("/output/0/status").asText()).isEqualTo("incomplete");
  }

  @Test
  void aBackgroundResponseOnTheUpstreamIsCancelled() throws InterruptedException {
    var created =
        send("POST", V1, "{\"model\":\"bg-held\",\"input\":\"Hold on\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(HELD.await(PATIENCE_MS, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isIn("queued", "in_progress");

    var cancelled = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    RELEASE.countDown();
    // The upstream's later events do not change how it ended.
    assertThat(ended(id).get("status").asText()).isEqualTo("cancelled");
    var again = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(again.json().get("status").asText()).isEqualTo("cancelled");
  }
}
