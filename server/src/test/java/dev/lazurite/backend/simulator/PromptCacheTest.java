package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.pipeline.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's prompt cache: Azure's rules (1,024 tokens, then steps of 128), per deployment.
 */
class PromptCacheTest {
  static final String MANUAL =
      "The quick brown fox jumps over the lazy dog near the river. ".repeat(150);

  final SimulatorBackend simulator =
      new SimulatorBackend(SimulatorBackendTest.TOKENS, SimulatorConfig.DEFAULT);

  static String chat(String system, String question, boolean stream) {
    return "{\"messages\":[{\"role\":\"system\",\"content\":\""
        + system
        + "\"},{\"role\":\"user\",\"content\":\""
        + question
        + "\"}],\"max_tokens\":5"
        + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "")
        + "}";
  }

  Backend.Result call(String deployment, String json) {
    return (Backend.Result)
        simulator.invoke(
            new BackendCall.Chat(
                SimulatorBackendTest.request(json), SimulatorBackendTest.GPT4O, deployment));
  }

  @Test
  void aRepeatedLongPrefixIsServedFromTheCacheInStepsOf128() {
    String json = chat(MANUAL, "What does the fox do?", false);
    Backend.Result first = call("d1", json);
    assertThat(first.cachedPromptTokens()).isZero();
    Backend.Result second = call("d1", json);
    int prompt = SimulatorBackendTest.request(json).promptTokens();
    assertThat(prompt).isGreaterThan(PromptCache.MINIMUM);
    assertThat(second.cachedPromptTokens())
        .isGreaterThanOrEqualTo(PromptCache.MINIMUM)
        .isLessThanOrEqualTo(prompt)
        .isGreaterThan(prompt - PromptCache.INCREMENT - 32);
    assertThat((second.cachedPromptTokens() - PromptCache.MINIMUM) % PromptCache.INCREMENT)
        .isZero();
    ChatCompletion body = (ChatCompletion) second.body();
    assertThat(body.usage().promptTokensDetails().cachedTokens())
        .isEqualTo(second.cachedPromptTokens());
    assertThat(call("d1", json).cachedPromptTokens())
        .as("the same again, the same count")
        .isEqualTo(second.cachedPromptTokens());
  }

  @Test
  void aSharedPrefixIsCachedUpToWhereThePromptsDiffer() {
    call("d2", chat(MANUAL, "What does the fox do?", false));
    String other =
        chat(MANUAL + "An entirely different ending follows here. ".repeat(40), "Why?", false);
    int cached = call("d2", other).cachedPromptTokens();
    int shared = SimulatorBackendTest.request(chat(MANUAL, "", false)).promptTokens();
    assertThat(cached).isGreaterThanOrEqualTo(PromptCache.MINIMUM).isLessThanOrEqualTo(shared);
  }

  @Test
  void anotherDeploymentDoesNotShareTheCache() {
    String json = chat(MANUAL, "What does the fox do?", false);
    call("d3", json);
    assertThat(call("d4", json).cachedPromptTokens()).isZero();
    assertThat(call("d4", json).cachedPromptTokens()).isPositive();
  }

  @Test
  void aPromptShorterThan1024TokensIsNeverCached() {
    String json = chat("You are brief.", "Hello", false);
    call("d5", json);
    assertThat(call("d5", json).cachedPromptTokens()).isZero();
  }

  @Test
  void aStreamReportsItsCachedTokensOnTheUsageEvent() {
    call("d6", chat(MANUAL, "Once more", false));
    var streamed =
        (Backend.Streamed)
            simulator.invoke(
                new BackendCall.Chat(
                    SimulatorBackendTest.request(chat(MANUAL, "Once more", true)),
                    SimulatorBackendTest.GPT4O,
                    "d6"));
    List<StreamEvent> events = new ArrayList<>();
    streamed.events().writeTo(events::add);
    int cached = events.stream().mapToInt(StreamEvent::cachedPromptTokens).sum();
    assertThat(cached).isGreaterThanOrEqualTo(PromptCache.MINIMUM);
    assertThat(events.getLast().cachedPromptTokens()).isEqualTo(cached);
    var usage = ((dev.lazurite.api.chat.ChatChunk) events.getLast().payload()).usage();
    assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(cached);
  }
}
