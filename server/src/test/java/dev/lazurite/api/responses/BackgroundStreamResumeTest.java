package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A streamed background response keeps its events: its stream is read back from the start or after
 * a {@code sequence_number} ({@code GET /responses/{id}?stream=true&starting_after=n}), its work
 * goes on when the client leaves, and a stream resumed while it runs goes on live to its end.
 */
class BackgroundStreamResumeTest {
  static final String V1 = "/openai/v1/responses";
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static HttpServer upstream;
  static TestingServer server;
  static TestingHttp http;
  static final CountDownLatch UPSTREAM_CALLED = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", BackgroundStreamResumeTest::slowStream);
    upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    upstream.start();
    server =
        TestingServer.start(UnaryOperator.identity(), n -> n.equals("SLOW_KEY") ? "sk-x" : null);
    http = server.http();
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    server.deployUpstream(
        "slow",
        "gpt-4o",
        "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1",
        "m",
        "SLOW_KEY");
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    server.close();
    upstream.stop(0);
  }

  /** A chat stream that sends one chunk, then waits for the test before it ends. */
  static void slowStream(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(
          BackgroundResponsesTest.chunk("{\"role\":\"assistant\",\"content\":\"Slow\"}", null));
      out.flush();
      UPSTREAM_CALLED.countDown();
      RELEASE.await(60, TimeUnit.SECONDS);
      out.write(BackgroundResponsesTest.chunk("{\"content\":\" answer.\"}", "\"stop\""));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static TestingHttp.Result send(String method, String path, String body) {
    return http.send(method, path, body, "api-key", server.key());
  }

  static List<Long> sequence(List<JsonNode> events) {
    return events.stream().map(e -> e.get("sequence_number").asLong()).toList();
  }

  @Test
  void aStreamedBackgroundResponseIsReadBackWholeOrAfterASequenceNumber() {
    var created =
        send(
            "POST",
            V1,
            "{\"model\":\"gpt-4o\",\"input\":\"Tell me about tea\",\"background\":true,"
                + "\"stream\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    List<JsonNode> events = created.events();
    assertThat(events.getFirst().get("type").asText()).isEqualTo("response.queued");
    assertThat(events.getFirst().get("response").get("status").asText()).isEqualTo("queued");
    assertThat(events.get(1).get("type").asText()).isEqualTo("response.created");
    assertThat(events.getLast().get("type").asText()).isEqualTo("response.completed");
    assertThat(created.body()).contains("event: response.queued\n");
    List<Long> numbers = sequence(events);
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).isEqualTo(i);
    }
    String id = events.getFirst().get("response").get("id").asText();
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isEqualTo("completed");

    var whole = send("GET", V1 + "/" + id + "?stream=true", null);
    assertThat(whole.status()).as(whole.body()).isEqualTo(200);
    assertThat(whole.events()).isEqualTo(events);

    var rest = send("GET", V1 + "/" + id + "?stream=true&starting_after=3", null);
    assertThat(rest.status()).as(rest.body()).isEqualTo(200);
    assertThat(rest.events()).isEqualTo(events.subList(4, events.size()));
    assertThat(rest.body()).contains("event: response.completed\n");

    var past = send("GET", V1 + "/" + id + "?stream=true&starting_after=100000", null);
    assertThat(past.status()).isEqualTo(200);
    assertThat(past.events()).isEmpty();

    // Deleted with its response.
    assertThat(send("DELETE", V1 + "/" + id, null).status()).isEqualTo(200);
    assertThat(server.server().store().responses().events(Bootstrap.DEFAULT_ACCOUNT, id, -1, 10))
        .isEmpty();
  }

  @Test
  void theWorkGoesOnWhenTheClientLeavesAndAResumedStreamFollowsItLive() throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(server.endpoint() + V1).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("api-key", server.key());
    connection.setRequestProperty("Content-Type", "application/json");
    connection
        .getOutputStream()
        .write(
            "{\"model\":\"slow\",\"input\":\"Take your time\",\"background\":true,\"stream\":true}"
                .getBytes(StandardCharsets.UTF_8));
    BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = lines.readLine();
    } while (line != null && !line.startsWith("data: "));
    assertThat(line).isNotNull();
    String id = Json.read(line.substring(6), JsonNode.class).get("response").get("id").asText();
    // The client leaves: its connection is closed while the response runs.
    connection.disconnect();
    assertThat(UPSTREAM_CALLED.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isIn("queued", "in_progress");

    TestingHttp.Result[] resumed = new TestingHttp.Result[1];
    Thread reader =
        Thread.ofVirtual()
            .start(
                () ->
                    resumed[0] =
                        send("GET", V1 + "/" + id + "?stream=true&starting_after=1", null));
    RELEASE.countDown();
    reader.join(PATIENCE.toMillis());
    assertThat(resumed[0]).isNotNull();
    assertThat(resumed[0].status()).as(resumed[0].body()).isEqualTo(200);
    List<JsonNode> events = resumed[0].events();
    assertThat(events.getFirst().get("sequence_number").asLong()).isEqualTo(2);
    assertThat(events.getLast().get("type").asText()).isEqualTo("response.completed");
    assertThat(
            events.stream()
                .filter(e -> e.get("type").asText().equals("response.output_text.done"))
                .map(e -> e.get("text").asText()))
        .containsExactly("Slow answer.");
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void onlyAStreamedBackgroundResponseCanBeStreamed() throws InterruptedException {
    String sync =
        send("POST", V1, "{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").json().get("id").asText();
    var refused = send("GET", V1 + "/" + sync + "?stream=true", null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").get("message").asText())
        .isEqualTo(
            "This response cannot be streamed because it was not created with background=true.");
    assertThat(refused.json().get("error").get("param").asText()).isEqualTo("stream");
    // Without stream=true, starting_after is not read.
    assertThat(send("GET", V1 + "/" + sync + "?starting_after=x", null).status()).isEqualTo(200);

    String polled =
        send("POST", V1, "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"background\":true}")
            .json()
            .get("id")
            .asText();
    var notStreamed = send("GET", V1 + "/" + polled + "?stream=true", null);
    assertThat(notStreamed.status()).isEqualTo(400);
    assertThat(notStreamed.json().get("error").get("message").asText())
        .isEqualTo("This response cannot be streamed because it was not created with stream=true.");
  }

  @Test
  void aBadStartingAfterIsRefusedBeforeTheResponseIsLookedUp() {
    for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
      var result = send("GET", V1 + "/resp_nothere?stream=true&starting_after=" + bad, null);
      assertThat(result.status()).as(bad).isEqualTo(400);
      assertThat(result.json().get("error").get("param").asText()).isEqualTo("starting_after");
    }
    assertThat(send("GET", V1 + "/resp_nothere?stream=true", null).status()).isEqualTo(404);
  }

  @Test
  void anotherCallersResponseIsNotFoundAndAnOldOneCanNoLongerBeStreamed() {
    long now = System.currentTimeMillis() / 1000;
    insert("resp_others", "someone-else", now);
    server
        .server()
        .store()
        .responses()
        .appendEvent(Bootstrap.DEFAULT_ACCOUNT, "resp_others", 0, "{}");
    var others = send("GET", V1 + "/resp_others?stream=true&starting_after=0", null);
    assertThat(others.status()).as(others.body()).isEqualTo(404);

    insert("resp_old", "keys", now - 600);
    var old = send("GET", V1 + "/resp_old?stream=true", null);
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.json().get("error").get("message").asText())
        .isEqualTo(
            "This response can no longer be streamed because it is more than 5 minutes old.");
  }

  @Test
  void aStreamOfAResponseWhoseInstanceDiedEndsWithResponseFailed() {
    long now = System.currentTimeMillis() / 1000;
    running("resp_died", now, now - 1);
    var result = send("GET", V1 + "/resp_died?stream=true", null);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> events = result.events();
    assertThat(sequence(events)).containsExactly(0L, 1L, 2L);
    JsonNode last = events.getLast();
    assertThat(last.get("type").asText()).isEqualTo("response.failed");
    assertThat(result.body()).contains("event: response.failed\n");
    assertThat(last.at("/response/status").asText()).isEqualTo("failed");
    assertThat(last.at("/response/error/code").asText()).isEqualTo("server_error");
    assertThat(last.at("/response/id").asText()).isEqualTo("resp_died");
  }

  @Test
  void aStreamOfACancelledResponseEndsWithItsCancelledResponse() {
    long now = System.currentTimeMillis() / 1000;
    running("resp_stopped", now, now + 60);
    var cancelled = send("POST", V1 + "/resp_stopped/cancel", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");

    var result = send("GET", V1 + "/resp_stopped?stream=true&starting_after=0", null);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> events = result.events();
    assertThat(sequence(events)).containsExactly(1L, 2L);
    assertThat(events.getLast().get("type").asText()).isEqualTo("response.failed");
    assertThat(events.getLast().at("/response/status").asText()).isEqualTo("cancelled");

    // Past every kept event, only the last one is sent.
    var past = send("GET", V1 + "/resp_stopped?stream=true&starting_after=7", null);
    assertThat(past.events()).hasSize(1);
    assertThat(past.events().getFirst().get("sequence_number").asLong()).isEqualTo(8);
  }

  @Test
  void aReaderFollowingARunningResponseStopsWhenItIsCancelled() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    running("resp_followed", now, now + 60);
    TestingHttp.Result[] read = new TestingHttp.Result[1];
    Thread reader =
        Thread.ofVirtual()
            .start(() -> read[0] = send("GET", V1 + "/resp_followed?stream=true", null));
    // The reader is polling (or about to): the cancel ends its stream either way.
    assertThat(send("POST", V1 + "/resp_followed/cancel", null).status()).isEqualTo(200);
    reader.join(PATIENCE.toMillis());
    assertThat(read[0]).isNotNull();
    List<JsonNode> events = read[0].events();
    assertThat(events.getLast().get("type").asText()).isEqualTo("response.failed");
    assertThat(events.getLast().at("/response/status").asText()).isEqualTo("cancelled");
    assertThat(sequence(events)).containsExactly(0L, 1L, 2L);
  }

  /**
   * A streamed background response that is {@code in_progress}, with its lease until {@code
   * leaseUntil}, that kept {@code response.queued} and {@code response.created}.
   */
  static void running(String id, long createdAt, long leaseUntil) {
    running(server, id, createdAt, leaseUntil);
  }

  /** As {@link #running(String, long, long)}, on one server of several. */
  static void running(TestingServer on, String id, long createdAt, long leaseUntil) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", id).put("object", "response").put("status", "in_progress");
    body.put("background", true).putArray("output");
    var store = on.server().store().responses();
    store.insert(
        new StoredResponse(
            Bootstrap.DEFAULT_ACCOUNT,
            "keys",
            id,
            createdAt,
            createdAt + 3600,
            body,
            List.of(),
            List.of(),
            leaseUntil));
    for (String type : List.of("response.queued", "response.created")) {
      long sequence = type.equals("response.queued") ? 0 : 1;
      ObjectNode event = JsonNodeFactory.instance.objectNode().put("type", type);
      event.set("response", body.deepCopy());
      event.put("sequence_number", sequence);
      store.appendEvent(Bootstrap.DEFAULT_ACCOUNT, id, sequence, Json.writeString(event));
    }
  }

  static void insert(String id, String owner, long createdAt) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", id).put("object", "response").put("status", "completed");
    body.put("background", true).putArray("output");
    server
        .server()
        .store()
        .responses()
        .insert(
            new StoredResponse(
                Bootstrap.DEFAULT_ACCOUNT,
                owner,
                id,
                createdAt,
                createdAt + 3600,
                body,
                List.of(),
                List.of()));
  }
}
