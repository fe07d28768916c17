package dev.lazurite.backend.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingAnthropic;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Claude deployment through the whole server, against a fake Messages API replaying Anthropic's
 * published answers: Azure's request in, Anthropic's request upstream, Azure's answer out.
 */
class AnthropicBackendTest {
  static final String KEY = "sk-ant-api03-" + java.util.UUID.randomUUID();
  static TestingAnthropic upstream;
  static TestingServer gateway;

  @BeforeAll
  static void start() {
    upstream = TestingAnthropic.start(KEY);
    gateway = TestingServer.start(UnaryOperator.identity(), Map.of("ANTHROPIC_KEY", KEY)::get);
    deploy("claude", "claude-sonnet-4", "ANTHROPIC_KEY");
    deploy("claude-nokey", "claude-sonnet-4", "");
  }

  static void deploy(String name, String model, String keyEnv) {
    gateway.deploy(
        new DeploymentRequest(
            name,
            model,
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(new BackendSpec(BackendKind.ANTHROPIC, upstream.url(), "", keyEnv))));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  static TestingHttp.Result chat(String deployment, String body) {
    return gateway
        .http()
        .post(
            "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21", body);
  }

  static String user(String text) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]";
  }

  @Test
  void answersInAzureShapeWithAnthropicsTextAndUsage() {
    var answer =
        chat(
            "claude",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hello\"}],\"temperature\":1.5,\"stop\":[\"END\"],"
                + "\"user\":\"u-1\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Hi! My name is Claude.");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(2095);
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(503);
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(2598);

    var sent = upstream.received().getLast();
    assertThat(sent.headers())
        .containsEntry("x-api-key", KEY)
        .containsEntry("anthropic-version", "2023-06-01")
        .containsEntry("path", "/v1/messages");
    JsonNode request = sent.body();
    assertThat(request.path("model").asText()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(request.path("system").asText()).isEqualTo("Be brief.");
    assertThat(request.path("max_tokens").asInt()).isEqualTo(64_000);
    assertThat(request.path("temperature").asDouble()).isEqualTo(1.0);
    assertThat(request.at("/stop_sequences/0").asText()).isEqualTo("END");
    assertThat(request.at("/metadata/user_id").asText()).isEqualTo("u-1");
    assertThat(request.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(request.at("/messages/0/content/0/text").asText()).isEqualTo("Hello");
    assertThat(request.has("stream")).isFalse();
  }

  @Test
  void aToolCallGoesOutAsToolCallsAndItsResultComesBackAsAToolResult() {
    String tools =
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Weather now\",\"parameters\":{\"type\":\"object\",\"properties\":"
            + "{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]";
    var first =
        chat(
            "claude",
            user("What is the weather in San Francisco?") + tools + ",\"max_tokens\":300}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode message = first.json().at("/choices/0/message");
    assertThat(first.json().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(message.path("content").asText())
        .isEqualTo("I'll check the current weather in San Francisco for you.");
    JsonNode call = message.at("/tool_calls/0");
    assertThat(call.path("id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
    assertThat(call.path("type").asText()).isEqualTo("function");
    assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
    assertThat(call.at("/function/arguments").asText())
        .isEqualTo("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}");
    JsonNode sentTools = upstream.last().path("tools");
    assertThat(sentTools.at("/0/name").asText()).isEqualTo("get_weather");
    assertThat(sentTools.at("/0/input_schema/required/0").asText()).isEqualTo("location");
    assertThat(upstream.last().at("/tool_choice/type").asText()).isEqualTo("auto");
    assertThat(upstream.last().path("max_tokens").asInt()).isEqualTo(300);

    String followUp =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather in San Francisco?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + call
            + "]},{\"role\":\"tool\",\"tool_call_id\":\"toolu_01A09q90qw90lq917835lq9\","
            + "\"content\":\"15 degrees, foggy\"}]"
            + tools
            + "}";
    var second = chat("claude", followUp);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().at("/choices/0/message/content").asText()).contains("15 degrees");
    JsonNode sent = upstream.last().path("messages");
    assertThat(sent.at("/1/role").asText()).isEqualTo("assistant");
    assertThat(sent.at("/1/content/0/type").asText()).isEqualTo("tool_use");
    assertThat(sent.at("/1/content/0/input/location").asText()).isEqualTo("San Francisco, CA");
    assertThat(sent.at("/2/role").asText()).isEqualTo("user");
    assertThat(sent.at("/2/content/0/type").asText()).isEqualTo("tool_result");
    assertThat(sent.at("/2/content/0/tool_use_id").asText())
        .isEqualTo("toolu_01A09q90qw90lq917835lq9");
    assertThat(sent.at("/2/content/0/content").asText()).isEqualTo("15 degrees, foggy");
  }

  @Test
  void aStreamBecomesChatCompletionChunksWithUsageLast() {
    var answer =
        chat(
            "claude",
            user("Hello") + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).endsWith("data: [DONE]\n\n");
    List<JsonNode> chunks = answer.chunks();
    assertThat(chunks).allMatch(c -> c.path("object").asText().equals("chat.completion.chunk"));
    assertThat(chunks.getFirst().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    StringBuilder text = new StringBuilder();
    chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
    assertThat(text.toString()).isEqualTo("Hello!");
    JsonNode finish =
        chunks.stream().filter(c -> c.at("/choices/0/finish_reason").isTextual()).findFirst().get();
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = chunks.getLast();
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(25);
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(15);
    assertThat(chunks)
        .extracting(c -> c.path("model").asText())
        .containsOnly("claude-opus-4-20250514");
    assertThat(upstream.last().path("stream").asBoolean()).isTrue();
  }

  @Test
  void aStreamedToolCallSendsItsIdAndNameFirstThenItsArgumentsInPieces() {
    var answer =
        chat(
            "claude",
            user("Weather in SF?")
                + ",\"stream\":true,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<JsonNode> calls =
        answer.chunks().stream()
            .filter(c -> c.at("/choices/0/delta/tool_calls").isArray())
            .map(c -> c.at("/choices/0/delta/tool_calls/0"))
            .toList();
    assertThat(calls.getFirst().path("id").asText()).isEqualTo("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
    assertThat(calls.getFirst().at("/function/name").asText()).isEqualTo("get_weather");
    assertThat(calls).allMatch(c -> c.path("index").asInt() == 0);
    StringBuilder arguments = new StringBuilder();
    calls.forEach(c -> arguments.append(c.at("/function/arguments").asText("")));
    assertThat(arguments.toString())
        .isEqualTo("{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}");
    assertThat(answer.chunks())
        .anyMatch(c -> c.at("/choices/0/finish_reason").asText().equals("tool_calls"));
    assertThat(answer.chunks()).noneMatch(c -> c.has("usage") && !c.path("usage").isNull());
  }

  @Test
  void aJsonSchemaAnswerIsAForcedToolCallReturnedAsTheMessageText() {
    var answer =
        chat(
            "claude",
            user("Who wrote the first program?")
                + ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                + "\"person\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":"
                + "{\"name\":{\"type\":\"string\"},\"born\":{\"type\":\"integer\"}},"
                + "\"required\":[\"name\",\"born\"],\"additionalProperties\":false}}}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/choices/0/message/content").asText())
        .isEqualTo("{\"name\":\"Ada Lovelace\",\"born\":1815}");
    assertThat(answer.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(answer.json().at("/choices/0/message").has("tool_calls")).isFalse();
    JsonNode sent = upstream.last();
    assertThat(sent.at("/tool_choice/type").asText()).isEqualTo("tool");
    assertThat(sent.at("/tool_choice/name").asText()).isEqualTo("json_response");
    assertThat(sent.at("/tools/0/input_schema/required/1").asText()).isEqualTo("born");
  }

  @Test
  void cacheReadsCountAsCachedPromptTokensAndMaxTokensAsLength() {
    var answer = chat("claude", user("cassette:message-cached") + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/usage/prompt_tokens").asInt()).isEqualTo(188_107);
    assertThat(answer.json().at("/usage/prompt_tokens_details/cached_tokens").asInt())
        .isEqualTo(188_086);
    assertThat(answer.json().at("/choices/0/finish_reason").asText()).isEqualTo("length");
    var stopped = chat("claude", user("cassette:message-stop-sequence") + "}");
    assertThat(stopped.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void imagesGoUpstreamAsImageBlocks() {
    var answer =
        chat(
            "claude",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is"
                + " this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"data:image/png;base64,iVBORw0KGgo=\"}},{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"https://example.com/a.png\"}}]}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode content = upstream.last().at("/messages/0/content");
    assertThat(content.at("/0/text").asText()).isEqualTo("What is this?");
    assertThat(content.at("/1/source/type").asText()).isEqualTo("base64");
    assertThat(content.at("/1/source/media_type").asText()).isEqualTo("image/png");
    assertThat(content.at("/1/source/data").asText()).isEqualTo("iVBORw0KGgo=");
    assertThat(content.at("/2/source/url").asText()).isEqualTo("https://example.com/a.png");
  }
}
