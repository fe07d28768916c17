package dev.lazurite.backend.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingGemini;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Gemini deployment through the whole server, against a fake Gemini API replaying answers in its
 * published shapes: Azure's request in, Gemini's request upstream, Azure's answer out.
 */
class GeminiBackendTest {
  static final String KEY = "AIzaSy" + UUID.randomUUID().toString().replace("-", "");
  static final String TOOLS =
      ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
          + "\"description\":\"Weather now\",\"parameters\":{\"type\":\"object\",\"properties\":"
          + "{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]";
  static TestingGemini upstream;
  static TestingServer gateway;

  @BeforeAll
  static void start() {
    upstream = TestingGemini.start(KEY);
    gateway = TestingServer.start(UnaryOperator.identity(), Map.of("GEMINI_KEY", KEY)::get);
    deploy("gemini", "gemini-2.5-flash");
    deploy("gemini-embed", "gemini-embedding-001");
  }

  static void deploy(String name, String model) {
    gateway.deploy(
        new DeploymentRequest(
            name,
            model,
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(new BackendSpec(BackendKind.GEMINI, upstream.url(), "", "GEMINI_KEY"))));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  static TestingHttp.Result chat(String body) {
    return gateway
        .http()
        .post("/openai/deployments/gemini/chat/completions?api-version=2024-10-21", body);
  }

  static String user(String text) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]";
  }

  @Test
  void answersInAzureShapeWithGeminisTextAndUsage() {
    var answer =
        chat(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Explain AI\"}],\"temperature\":1.5,"
                + "\"top_p\":0.9,\"max_tokens\":200,\"stop\":[\"END\"],\"seed\":7}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("model").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/message/content").asText()).startsWith("AI learns patterns");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(8);
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(15);
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(23);

    var sent = upstream.last();
    assertThat(sent.key()).isEqualTo(KEY);
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.query()).isEmpty();
    JsonNode request = sent.body();
    assertThat(request.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
    assertThat(request.at("/contents/0/role").asText()).isEqualTo("user");
    assertThat(request.at("/contents/0/parts/0/text").asText()).isEqualTo("Explain AI");
    assertThat(request.path("contents")).hasSize(1);
    JsonNode config = request.path("generationConfig");
    assertThat(config.path("temperature").asDouble()).isEqualTo(1.5);
    assertThat(config.path("topP").asDouble()).isEqualTo(0.9);
    assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(200);
    assertThat(config.at("/stopSequences/0").asText()).isEqualTo("END");
    assertThat(config.path("seed").asInt()).isEqualTo(7);
    assertThat(config.has("candidateCount")).isFalse();
  }

  @Test
  void aFunctionCallGoesOutAsToolCallsAndItsResultComesBackAsAFunctionResponse() {
    var first = chat(user("What is the weather in San Francisco?") + TOOLS + "}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    JsonNode message = first.json().at("/choices/0/message");
    assertThat(message.path("content").isNull()).isTrue();
    JsonNode call = message.at("/tool_calls/0");
    assertThat(call.path("id").asText()).startsWith("call_");
    assertThat(call.path("type").asText()).isEqualTo("function");
    assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
    assertThat(call.at("/function/arguments").asText())
        .isEqualTo("{\"location\":\"San Francisco, CA\"}");
    JsonNode sent = upstream.last().body();
    assertThat(sent.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("get_weather");
    assertThat(sent.at("/tools/0/functionDeclarations/0/description").asText())
        .isEqualTo("Weather now");
    assertThat(sent.at("/tools/0/functionDeclarations/0/parametersJsonSchema/required/0").asText())
        .isEqualTo("location");
    assertThat(sent.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("AUTO");

    String id = call.path("id").asText();
    String followUp =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather in San Francisco?\"},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + call
            + "]},{\"role\":\"tool\",\"tool_call_id\":\""
            + id
            + "\",\"content\":\"15 degrees, sunny\"}]"
            + TOOLS
            + "}";
    var second = chat(followUp);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().at("/choices/0/message/content").asText()).contains("15 degrees");
    assertThat(second.json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    JsonNode contents = upstream.last().body().path("contents");
    assertThat(contents.at("/1/role").asText()).isEqualTo("model");
    assertThat(contents.at("/1/parts/0/functionCall/name").asText()).isEqualTo("get_weather");
    assertThat(contents.at("/1/parts/0/functionCall/args/location").asText())
        .isEqualTo("San Francisco, CA");
    assertThat(contents.at("/2/role").asText()).isEqualTo("user");
    assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
    assertThat(contents.at("/2/parts/0/functionResponse/response/content").asText())
        .isEqualTo("15 degrees, sunny");
  }

  @Test
  void toolChoiceBecomesTheFunctionCallingMode() {
    chat(
        user("Weather?")
            + TOOLS
            + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}}");
    JsonNode calling = upstream.last().body().at("/toolConfig/functionCallingConfig");
    assertThat(calling.path("mode").asText()).isEqualTo("ANY");
    assertThat(calling.at("/allowedFunctionNames/0").asText()).isEqualTo("get_weather");
    chat(user("Weather?") + TOOLS + ",\"tool_choice\":\"none\"}");
    assertThat(upstream.last().body().at("/toolConfig/functionCallingConfig/mode").asText())
        .isEqualTo("NONE");
    chat(user("Weather?") + TOOLS + ",\"tool_choice\":\"required\"}");
    assertThat(upstream.last().body().at("/toolConfig/functionCallingConfig/mode").asText())
        .isEqualTo("ANY");
  }

  @Test
  void aStreamBecomesChatCompletionChunksWithUsageLast() {
    var answer =
        chat(
            user("Write a story about a magic backpack.")
                + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).endsWith("data: [DONE]\n\n");
    List<JsonNode> chunks = answer.chunks();
    assertThat(chunks).allMatch(c -> c.path("object").asText().equals("chat.completion.chunk"));
    assertThat(chunks.getFirst().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    StringBuilder text = new StringBuilder();
    chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
    assertThat(text.toString()).isEqualTo("The backpack glowed softly in the dark.");
    assertThat(chunks)
        .filteredOn(c -> c.at("/choices/0/finish_reason").isTextual())
        .singleElement()
        .satisfies(c -> assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("stop"));
    JsonNode usage = chunks.getLast();
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(9);
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(8);
    assertThat(chunks).extracting(c -> c.path("model").asText()).containsOnly("gemini-2.5-flash");
    assertThat(upstream.last().path())
        .isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(upstream.last().query()).isEqualTo("alt=sse");
  }

  @Test
  void aStreamedFunctionCallIsOneToolCallDeltaWithItsIdNameAndArguments() {
    var answer = chat(user("Weather in SF?") + ",\"stream\":true" + TOOLS + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<JsonNode> calls =
        answer.chunks().stream()
            .filter(c -> c.at("/choices/0/delta/tool_calls").isArray())
            .map(c -> c.at("/choices/0/delta/tool_calls/0"))
            .toList();
    assertThat(calls).hasSize(1);
    assertThat(calls.getFirst().path("index").asInt()).isZero();
    assertThat(calls.getFirst().path("id").asText()).startsWith("call_");
    assertThat(calls.getFirst().at("/function/name").asText()).isEqualTo("get_weather");
    assertThat(calls.getFirst().at("/function/arguments").asText())
        .isEqualTo("{\"location\":\"San Francisco, CA\"}");
    assertThat(answer.chunks())
        .anyMatch(c -> c.at("/choices/0/finish_reason").asText().equals("tool_calls"));
  }

  @Test
  void aJsonSchemaIsGeminisResponseJsonSchemaAndJsonObjectItsMimeType() {
    var answer =
        chat(
            user("A cookie recipe")
                + ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                + "\"recipe\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":"
                + "{\"recipeName\":{\"type\":\"string\"}},\"required\":[\"recipeName\"],"
                + "\"additionalProperties\":false}}}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/choices/0/message/content").asText())
        .startsWith("{\"recipeName\": \"Chocolate Chip Cookies\"");
    JsonNode config = upstream.last().body().path("generationConfig");
    assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(config.at("/responseJsonSchema/required/0").asText()).isEqualTo("recipeName");
    assertThat(config.at("/responseJsonSchema/additionalProperties").asBoolean(true)).isFalse();

    chat(user("Some JSON") + ",\"response_format\":{\"type\":\"json_object\"}}");
    JsonNode objectConfig = upstream.last().body().path("generationConfig");
    assertThat(objectConfig.path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(objectConfig.has("responseJsonSchema")).isFalse();
  }

  @Test
  void cachedAndThoughtTokensAreReportedAndThoughtsLeftOutOfTheText() {
    var answer = chat(user("cassette:generate-cached") + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.at("/choices/0/message/content").asText())
        .isEqualTo("The report describes three quarters of steady growth.");
    assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(4120);
    assertThat(body.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(4096);
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(51);
    assertThat(body.at("/usage/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(40);
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(4171);
  }

  @Test
  void finishReasonsMapToAzures() {
    var length = chat(user("cassette:generate-max-tokens") + "}");
    assertThat(length.json().at("/choices/0/finish_reason").asText()).isEqualTo("length");
    var safety = chat(user("cassette:generate-safety") + "}");
    assertThat(safety.status()).as(safety.body()).isEqualTo(200);
    assertThat(safety.json().at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
    assertThat(safety.json().at("/choices/0/message/content").asText()).isEmpty();
  }

  @Test
  void aPromptGeminiBlocksIsAzuresContentFilterError() {
    var blocked = chat(user("cassette:generate-prompt-blocked") + "}");
    assertThat(blocked.status()).as(blocked.body()).isEqualTo(400);
    JsonNode error = blocked.json().path("error");
    assertThat(error.path("code").asText()).isEqualTo("content_filter");
    assertThat(error.at("/innererror/content_filter_result/hate/filtered").asBoolean()).isTrue();
    assertThat(error.at("/innererror/content_filter_result/sexual/filtered").asBoolean()).isFalse();
  }

  @Test
  void nIsTheCandidateCountAndEachCandidateAChoice() {
    var answer = chat(user("One word for the sky's colour") + ",\"n\":2}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(upstream.last().body().at("/generationConfig/candidateCount").asInt()).isEqualTo(2);
    JsonNode choices = answer.json().path("choices");
    assertThat(choices).hasSize(2);
    assertThat(choices.at("/0/message/content").asText()).isEqualTo("Blue.");
    assertThat(choices.at("/1/index").asInt()).isEqualTo(1);
    assertThat(choices.at("/1/message/content").asText()).isEqualTo("Azure.");
  }

  @Test
  void imagesGoUpstreamAsInlineDataOrFileData() {
    var answer =
        chat(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is"
                + " this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"data:image/png;base64,iVBORw0KGgo=\"}},{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"https://example.com/a.webp\"}}]}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode parts = upstream.last().body().at("/contents/0/parts");
    assertThat(parts.at("/0/text").asText()).isEqualTo("What is this?");
    assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/png");
    assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
    assertThat(parts.at("/2/fileData/fileUri").asText()).isEqualTo("https://example.com/a.webp");
    assertThat(parts.at("/2/fileData/mimeType").asText()).isEqualTo("image/webp");
  }

  @Test
  void embeddingsGoThroughBatchEmbedContents() {
    var answer =
        gateway
            .http()
            .post(
                "/openai/deployments/gemini-embed/embeddings?api-version=2024-10-21",
                "{\"input\":[\"first text\",\"second text\"],\"dimensions\":4}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("data")).hasSize(2);
    assertThat(body.at("/data/1/index").asInt()).isEqualTo(1);
    assertThat(body.at("/data/0/embedding")).hasSize(4);
    assertThat(body.at("/usage/prompt_tokens").asInt()).isPositive();
    var sent = upstream.last();
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    assertThat(sent.body().at("/requests/1/content/parts/0/text").asText())
        .isEqualTo("second text");
    assertThat(sent.body().at("/requests/0/model").asText())
        .isEqualTo("models/gemini-embedding-001");
    assertThat(sent.body().at("/requests/0/outputDimensionality").asInt()).isEqualTo(4);
  }

  @Test
  void theResponsesApiReachesGeminiThroughTheChatTranslation() {
    var answer =
        gateway
            .http()
            .post(
                "/openai/v1/responses",
                "{\"model\":\"gemini\",\"input\":\"Explain AI\",\"instructions\":\"Be brief.\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("object").asText()).isEqualTo("response");
    assertThat(body.path("status").asText()).isEqualTo("completed");
    assertThat(body.at("/output/0/content/0/text").asText()).startsWith("AI learns patterns");
    assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(8);
    assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(15);
    JsonNode sent = upstream.last().body();
    assertThat(sent.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
    assertThat(sent.at("/contents/0/parts/0/text").asText()).isEqualTo("Explain AI");
  }
}
