package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
 * Background responses run after create answered, are polled, cancelled, and failed when their
 * instance died; a stream whose model fails after it started ends with {@code response.failed}.
 */
class BackgroundResponsesTest {
  static final String V1 = "/openai/v1/responses";
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static HttpServer upstream;
  static TestingServer server;
  static TestingHttp http;
  static final CountDownLatch UPSTREAM_CALLED = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final CountDownLatch UPSTREAM_DONE = new CountDownLatch(1);

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", BackgroundResponsesTest::slowStream);
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
    TestingCli.run(server, "backend", "create", "--name", "resets", "--fault-reset", "1");
    TestingCli.run(
        server,
        "deployment",
        "create",
        "--deployment-name",
        "resetting",
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "100",
        "--backends",
        "resets");
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
      out.write(chunk("{\"role\":\"assistant\",\"content\":\"Slow\"}", null));
      out.flush();
      UPSTREAM_CALLED.countDown();
      RELEASE.await(60, TimeUnit.SECONDS);
      out.write(chunk("{\"content\":\" answer.\"}", "\"stop\""));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The gateway stopped reading: the response was cancelled.
    } finally {
      UPSTREAM_DONE.countDown();
    }
  }

  static byte[] chunk(String delta, String finish) {
    return ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":"
            + delta
            + ",\"finish_reason\":"
            + finish
            + "}]}\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static TestingHttp.Result send(String method, String path, String body) {
    return http.send(method, path, body, "api-key", server.key());
  }

  static JsonNode waitFor(String id, String status) throws InterruptedException {
    long until = System.nanoTime() + PATIENCE.toNanos();
    JsonNode got;
    do {
      var result = send("GET", V1 + "/" + id, null);
      assertThat(result.status()).as(result.body()).isEqualTo(200);
      got = result.json();
      if (got.get("status").asText().equals(status)) {
        return got;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < until);
    throw new AssertionError("still " + got.get("status") + ", not " + status + ": " + got);
  }

  @Test
  void aBackgroundResponseIsAnsweredQueuedAndPolledToItsEnd() throws InterruptedException {
    var created =
        send(
            "POST",
            V1,
            "{\"model\":\"gpt-4o\",\"input\":\"Tell me about tea\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("status").asText()).isIn("queued", "in_progress");
    assertThat(created.json().get("background").asBoolean()).isTrue();
    assertThat(created.json().get("output")).isEmpty();
    String id = created.json().get("id").asText();

    JsonNode done = waitFor(id, "completed");
    assertThat(done.get("output").get(0).get("content").get(0).get("text").asText()).isNotEmpty();
    assertThat(done.get("usage").get("output_tokens").asInt()).isPositive();
    assertThat(send("GET", V1 + "/" + id + "/input_items", null).json().get("data")).hasSize(1);

    var cancel = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(400);
    assertThat(cancel.json().get("error").get("message").asText())
        .isEqualTo("Cannot cancel a response with status 'completed'.");
  }

  @Test
  void cancellingStopsARunningResponse() throws InterruptedException {
    var created =
        send("POST", V1, "{\"model\":\"slow\",\"input\":\"Take your time\",\"background\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(UPSTREAM_CALLED.await(60, TimeUnit.SECONDS)).isTrue();
    waitFor(id, "in_progress");

    var cancelled = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    // Cancelling again answers the same final object.
    var again = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("cancelled");

    RELEASE.countDown();
    assertThat(UPSTREAM_DONE.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText())
        .isEqualTo("cancelled");
    assertThat(send("DELETE", V1 + "/" + id, null).status()).isEqualTo(200);
  }

  @Test
  void backgroundNeedsStore() {
    var result =
        send(
            "POST",
            V1,
            "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"background\":true,\"store\":false}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("param").asText()).isEqualTo("background");
  }

  @Test
  void aSynchronousResponseCannotBeCancelled() {
    String id =
        send("POST", V1, "{\"model\":\"gpt-4o\",\"input\":\"Hi\"}").json().get("id").asText();
    var result = send("POST", V1 + "/" + id + "/cancel", null);
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void cancellingAnUnknownResponseIsNotFound() {
    assertThat(send("POST", V1 + "/resp_nothere/cancel", null).status()).isEqualTo(404);
  }

  @Test
  void aResponseLeftRunningByADeadInstanceIsFailed() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", "resp_orphan").put("object", "response").put("status", "in_progress");
    body.put("background", true).putArray("output");
    long now = System.currentTimeMillis() / 1000;
    server
        .server()
        .store()
        .responses()
        .insert(
            new StoredResponse(
                Bootstrap.DEFAULT_ACCOUNT,
                "keys",
                "resp_orphan",
                now - 120,
                now + 3600,
                body,
                List.of(),
                List.of(),
                now - 60));
    var got = send("GET", V1 + "/resp_orphan", null);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    assertThat(got.json().get("status").asText()).isEqualTo("failed");
    assertThat(got.json().get("error").get("code").asText()).isEqualTo("server_error");
    var cancel = send("POST", V1 + "/resp_orphan/cancel", null);
    assertThat(cancel.status()).isEqualTo(400);
  }

  @Test
  void aModelFailingMidStreamEndsTheStreamWithResponseFailed() {
    var result =
        send(
            "POST",
            V1,
            "{\"model\":\"resetting\",\"input\":\"Tell me a long story\",\"stream\":true}");
    assertThat(result.status()).isEqualTo(200);
    List<JsonNode> events = result.events();
    assertThat(events.getFirst().get("type").asText()).isEqualTo("response.created");
    JsonNode last = events.getLast();
    assertThat(last.get("type").asText()).as(result.body()).isEqualTo("response.failed");
    assertThat(last.get("response").get("status").asText()).isEqualTo("failed");
    assertThat(last.get("response").get("error").get("code").asText()).isEqualTo("server_error");
    assertThat(last.get("response").get("error").get("message").asText()).isNotEmpty();
    assertThat(events).noneMatch(e -> e.has("error") && !e.has("type"));
    assertThat(result.body()).contains("event: response.failed\n");
    String id = events.getFirst().get("response").get("id").asText();
    assertThat(send("GET", V1 + "/" + id, null).json().get("status").asText()).isEqualTo("failed");
  }
}
