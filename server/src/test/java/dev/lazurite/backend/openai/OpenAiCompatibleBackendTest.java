package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.testing.TestingServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The openai-compatible backend against a real upstream: a second Lazurite instance serving its
 * simulator on the v1 route, one fast and one slow.
 */
class OpenAiCompatibleBackendTest {
  static TestingServer fast;
  static TestingServer slow;
  static TestingServer dripping;
  static TestingServer gateway;

  @BeforeAll
  static void start() {
    fast = TestingServer.start();
    slow =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ofMillis(1500), Duration.ofMillis(40), 20, 60)));
    dripping =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ZERO, Duration.ofMillis(40), 200, 200)));
    gateway =
        TestingServer.start(
            c -> c.withUpstreamTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)),
            Map.of("FAST_KEY", fast.key(), "SLOW_KEY", slow.key(), "DRIP_KEY", dripping.key())
                ::get);
    gateway.deployUpstream(
        "proxied", "gpt-4o", fast.endpoint() + "/openai/v1", "gpt-4o", "FAST_KEY");
    gateway.deployUpstream(
        "no-such-upstream-model", "gpt-4o", fast.endpoint() + "/openai/v1", "missing", "FAST_KEY");
    gateway.deployUpstream("wrong-key", "gpt-4o", fast.endpoint() + "/openai/v1", "gpt-4o", "");
    gateway.deployUpstream("slow", "gpt-4o", slow.endpoint() + "/openai/v1", "gpt-4o", "SLOW_KEY");
    gateway.deployUpstream("unreachable", "gpt-4o", "http://127.0.0.1:1/v1", "gpt-4o", "");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    fast.close();
    slow.close();
    dripping.close();
  }

  static String chat(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  @Test
  void answersThroughTheUpstreamAsTheUpstreamWould() {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"seed\":4,\"max_tokens\":12}";
    var direct =
        fast.http()
            .send(
                "POST",
                "/openai/v1/chat/completions",
                body.replace("{\"messages\"", "{\"model\":\"gpt-4o\",\"messages\""),
                "Authorization",
                "Bearer " + fast.key());
    var proxied = gateway.http().post(chat("proxied"), body);
    assertThat(proxied.status()).isEqualTo(200);
    assertThat(proxied.json().at("/choices/0/message/content").asText())
        .isEqualTo(direct.json().at("/choices/0/message/content").asText());
    assertThat(proxied.json().at("/usage/completion_tokens").asInt()).isEqualTo(12);
    assertThat(proxied.header("apim-request-id")).isNotEmpty();
  }

  @Test
  void passesStreamsThroughChunkByChunk() {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"seed\":5,\"max_tokens\":10,\"stream\":true}";
    var proxied = gateway.http().post(chat("proxied"), body);
    assertThat(proxied.status()).isEqualTo(200);
    assertThat(proxied.header("content-type")).isEqualTo("text/event-stream");
    var events = proxied.chunks();
    assertThat(events).hasSize(12);
    assertThat(events).allSatisfy(e -> assertThat(e.has("usage")).isFalse());
    assertThat(proxied.body()).endsWith("data: [DONE]\n\n");
    var withUsage =
        gateway
            .http()
            .post(
                chat("proxied"),
                body.replace(
                    "\"stream\":true",
                    "\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
    assertThat(withUsage.events().getLast().at("/usage/completion_tokens").asInt()).isEqualTo(10);
  }

  @Test
  void mapsUpstreamErrorsIntoAzuresEnvelope() {
    var missing =
        gateway
            .http()
            .post(
                chat("no-such-upstream-model"),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/message").asText())
        .startsWith("The API deployment for this resource does not exist.");
    var refused =
        gateway
            .http()
            .post(chat("wrong-key"), "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.body()).doesNotContain(fast.key());
    var unreachable =
        gateway
            .http()
            .post(chat("unreachable"), "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(unreachable.status()).isEqualTo(502);
    assertThat(unreachable.json().at("/error/message").asText())
        .isEqualTo("The model backend could not be reached.");
  }

  @Test
  void timesOutASlowUpstreamWithAzures408() {
    var result =
        gateway
            .http()
            .post(chat("slow"), "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(result.status()).isEqualTo(408);
    assertThat(result.body())
        .isEqualTo("{\"error\":{\"code\":\"Timeout\",\"message\":\"The operation was timeout.\"}}");
  }

  @Test
  void cancelsTheUpstreamWhenTheClientDisconnects() throws Exception {
    gateway.deployUpstream(
        "slow-tokens", "gpt-4o", dripping.endpoint() + "/openai/v1", "gpt-4o", "DRIP_KEY");
    URI uri = URI.create(gateway.endpoint());
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":200,\"stream\":true}";
    Instant start = Instant.now();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + chat("slow-tokens")
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\napi-key: "
                  + gateway.key()
                  + "\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      var reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      int events = 0;
      while ((line = reader.readLine()) != null && events < 3) {
        if (line.contains("\"content\"")) {
          events++;
        }
      }
      assertThat(events).isEqualTo(3);
    }
    // 200 tokens at 40 ms would take 8 s; the upstream must stop long before that.
    long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
    dev.lazurite.store.UsageStore.UsageSummary upstream = null;
    while (System.nanoTime() < deadline) {
      dripping.server().flushUsage();
      upstream =
          dripping.server().store().summarize("lazurite", start).stream()
              .filter(s -> s.deployment().equals("gpt-4o"))
              .findFirst()
              .orElse(null);
      if (upstream != null) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(upstream).as("the upstream recorded the cancelled stream").isNotNull();
    assertThat(upstream.completionTokens()).isLessThan(100);
    assertThat(upstream.errors()).as("the upstream saw its client leave (499)").isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(7));
  }
}
