package dev.lazurite.backend.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingAnthropic;
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
 * Anthropic's published errors, replayed, as Azure's envelope: overload and rate limits as 429 with
 * Retry-After, request errors as 400 with Anthropic's message, refused keys as a 502 that shows no
 * key, in the answer or the log.
 */
class AnthropicErrorMappingTest {
  static final String KEY = "sk-ant-api03-" + UUID.randomUUID();
  static TestingAnthropic upstream;
  static TestingServer gateway;

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  static void start() {
    upstream = TestingAnthropic.start(KEY);
    gateway = TestingServer.start(UnaryOperator.identity(), Map.of("ANTHROPIC_KEY", KEY)::get);
    gateway.deploy(
        new DeploymentRequest(
            "claude",
            "claude-sonnet-4",
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(
                new BackendSpec(BackendKind.ANTHROPIC, upstream.url(), "", "ANTHROPIC_KEY"))));
    gateway.deploy(
        new DeploymentRequest(
            "claude-unreachable",
            "claude-sonnet-4",
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(new BackendSpec(BackendKind.ANTHROPIC, "http://127.0.0.1:1", "", ""))));
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
        "claude",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"cassette:"
            + cassette
            + "\"}],\"stream\":"
            + stream
            + "}");
  }

  @Test
  void anOverloadedUpstreamIsAzures429WithRetryAfter() {
    var answer = replay("error-overloaded", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("1");
    assertThat(answer.json().at("/error/code").asText()).isEqualTo("429");
    assertThat(answer.json().at("/error/message").asText()).contains("overloaded");
    var streamed = replay("error-overloaded", true);
    assertThat(streamed.status()).isEqualTo(429);
  }

  @Test
  void aRateLimitKeepsTheUpstreamsRetryAfter() {
    var answer = replay("error-rate-limit", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("7");
    assertThat(answer.json().at("/error/code").asText()).isEqualTo("429");
  }

  @Test
  void anInvalidRequestIsA400WithAnthropicsMessage() {
    var answer = replay("error-invalid", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().at("/error/message").asText())
        .isEqualTo("messages: text content blocks must be non-empty");
    var notFound = replay("error-not-found", false);
    assertThat(notFound.status()).isEqualTo(400);
    assertThat(notFound.json().at("/error/message").asText()).contains("claude-nonexistent");
  }

  @Test
  void anUpstreamServerErrorIsA500() {
    var answer = replay("error-api", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(500);
    assertThat(answer.json().at("/error/code").asText()).isEqualTo("InternalServerError");
  }

  @Test
  void anErrorEventInsideAStreamEndsTheStreamWithTheMappedError() {
    var answer = replay("stream-overloaded", true);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("[DONE]");
    assertThat(answer.events().getLast().at("/error/code").asText())
        .as(answer.body())
        .isEqualTo("429");
  }

  @Test
  void aRefusedKeyIsA502ThatNamesNoKeyInTheAnswerOrTheLog() {
    var answer = replay("echo-key", false);
    assertThat(answer.status()).as(answer.body()).isEqualTo(502);
    assertThat(answer.json().at("/error/message").asText())
        .isEqualTo("The model backend refused this deployment's credentials.");
    assertThat(answer.body()).doesNotContain(KEY);
    var streamed = replay("echo-key", true);
    assertThat(streamed.status()).isEqualTo(502);
    assertThat(streamed.body()).doesNotContain(KEY);
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("authentication_error"));
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(KEY));
  }

  @Test
  void anUnreachableUpstreamIsA502() {
    var answer =
        chat("claude-unreachable", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(502);
  }

  @Test
  void requestsTheMessagesApiCannotServeAreRefusedBeforeAnyCall() {
    int before = upstream.received().size();
    var n = chat("claude", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"n\":2}");
    assertThat(n.status()).as(n.body()).isEqualTo(400);
    assertThat(n.json().at("/error/param").asText()).isEqualTo("n");
    var logprobs =
        chat("claude", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"logprobs\":true}");
    assertThat(logprobs.status()).isEqualTo(400);
    var badArguments =
        chat(
            "claude",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\","
                + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"not json\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                + "\"content\":\"x\"}]}");
    assertThat(badArguments.status()).as(badArguments.body()).isEqualTo(400);
    var completion =
        gateway
            .http()
            .post(
                "/openai/deployments/claude/completions?api-version=2024-10-21",
                "{\"prompt\":\"Hi\"}");
    assertThat(completion.status()).isEqualTo(400);
    assertThat(upstream.received()).hasSize(before);
  }
}
