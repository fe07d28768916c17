package dev.lazurite.backend.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingGemini;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Gemini's errors, replayed, as Azure's envelope: quota and overload as 429 with Retry-After,
 * request errors as 400 with Gemini's message, refused keys as a 502 that shows no key, in the
 * answer or the log; errors inside a stream and streams cut short end the stream with an error.
 */
class GeminiErrorMappingTest {
  static final String KEY = "AIzaSy" + UUID.randomUUID().toString().replace("-", "");
  static TestingGemini upstream;
  static TestingServer gateway;

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  static void start() {
    upstream = TestingGemini.start(KEY);
    gateway =
        TestingServer.start(
            UnaryOperator.identity(), Map.of("GEMINI_KEY", KEY, "WRONG_KEY", KEY + "x")::get);
    deploy("gemini", upstream.url(), "GEMINI_KEY");
    deploy("gemini-wrong-key", upstream.url(), "WRONG_KEY");
    deploy("gemini-unreachable", "http://127.0.0.1:1", "");
  }

  static void deploy(String name, String url, String keyEnv) {
    gateway.deploy(
        new DeploymentRequest(
            name,
            "gemini-2.5-flash",
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(new BackendSpec(BackendKind.GEMINI, url, "", keyEnv))));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  static TestingHttp.Result chat(String deployment, String body) {
    return gateway
        .http()
        .post(
            "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21", body);
  }

  static TestingHttp.Result replay(String cassette, boolean stream) {
    return chat(
        "gemini",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"cassette:"
            + cassette
            + "\"}],\"stream\":"
            + stream
            + "}");
  }

  @Test
  void anExhaustedQuotaIsAzures429WithTheRetryInfoDelay() {
    var answer = replay("error-rate-limit", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("37");
    assertThat(answer.json().at("/error/code").asText()).isEqualTo("429");
    var streamed = replay("error-rate-limit", true);
    assertThat(streamed.status()).isEqualTo(429);
    assertThat(streamed.header("Retry-After")).isEqualTo("37");
  }

  @Test
  void anOverloadedModelIsA429WithRetryAfter() {
    var answer = replay("error-unavailable", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("1");
    assertThat(answer.json().at("/error/message").asText()).contains("overloaded");
  }

  @Test
  void anInvalidArgumentIsA400WithGeminisMessage() {
    var answer = replay("error-invalid", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(answer.json().at("/error/message").asText()).contains("contents is not specified");
  }

  @Test
  void anUpstreamInternalErrorIsA500() {
    var answer = replay("error-internal", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(500);
    assertThat(answer.json().at("/error/code").asText()).isEqualTo("InternalServerError");
  }

  @Test
  void aRefusedKeyIsA502ThatNamesNoKeyInTheAnswerOrTheLog() {
    var invalid =
        chat("gemini-wrong-key", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(502);
    assertThat(invalid.json().at("/error/message").asText())
        .isEqualTo("The model backend refused this deployment's credentials.");
    assertThat(invalid.body()).doesNotContain(KEY);
    var denied = replay("error-permission", true);
    assertThat(denied.status()).as(denied.body()).isEqualTo(502);
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("INVALID_ARGUMENT"));
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(KEY));
  }

  @Test
  void anErrorInsideAStreamEndsTheStreamWithTheMappedError() {
    var answer = replay("stream-error", true);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("[DONE]");
    assertThat(answer.events().getLast().at("/error/code").asText())
        .as(answer.body())
        .isEqualTo("429");
  }

  @Test
  void aStreamClosedBeforeAFinishReasonEndsWithAnError() {
    var answer = replay("stream-cut", true);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("[DONE]");
    assertThat(answer.events().getLast().at("/error/code").asText())
        .as(answer.body())
        .isEqualTo("BadGateway");
  }

  @Test
  void anUnreachableUpstreamIsA502() {
    var answer =
        chat("gemini-unreachable", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(502);
  }

  @Test
  void requestsGeminiCannotServeAreRefusedBeforeAnyCall() {
    int before = upstream.received().size();
    var logprobs =
        chat("gemini", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"logprobs\":true}");
    assertThat(logprobs.status()).as(logprobs.body()).isEqualTo(400);
    assertThat(logprobs.json().at("/error/param").asText()).isEqualTo("logprobs");
    var badArguments =
        chat(
            "gemini",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\","
                + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"not json\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                + "\"content\":\"x\"}]}");
    assertThat(badArguments.status()).as(badArguments.body()).isEqualTo(400);
    var orphanResult =
        chat(
            "gemini",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"tool\","
                + "\"tool_call_id\":\"nobody\",\"content\":\"x\"}]}");
    assertThat(orphanResult.status()).as(orphanResult.body()).isEqualTo(400);
    assertThat(orphanResult.json().at("/error/message").asText()).contains("nobody");
    var badImage =
        chat(
            "gemini",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"data:image/png,notbase64\"}}]}]}");
    assertThat(badImage.status()).as(badImage.body()).isEqualTo(400);
    var completion =
        gateway
            .http()
            .post(
                "/openai/deployments/gemini/completions?api-version=2024-10-21",
                "{\"prompt\":\"Hi\"}");
    assertThat(completion.status()).isEqualTo(400);
    assertThat(upstream.received()).hasSize(before);
  }
}
