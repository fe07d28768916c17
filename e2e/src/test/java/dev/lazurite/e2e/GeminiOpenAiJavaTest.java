package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingGemini;
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
 * openai-java in Azure mode, unchanged, against a deployment of a Gemini model on a gemini backend
 * (a fake Gemini API replaying answers in its published shapes): chat, stream, a tool round trip, a
 * Responses call, a blocked prompt and an exhausted quota look as they look from any Azure
 * deployment.
 */
class GeminiOpenAiJavaTest {
  static final String KEY = "AIzaSy" + UUID.randomUUID().toString().replace("-", "");
  static TestingGemini upstream;
  static TestingServer server;
  static OpenAIClient azure;

  @BeforeAll
  static void start() {
    upstream = TestingGemini.start(KEY);
    server = TestingServer.start(UnaryOperator.identity(), Map.of("GEMINI_KEY", KEY)::get);
    server.deploy(
        new DeploymentRequest(
            "gemini",
            "gemini-2.5-flash",
            "",
            "GlobalStandard",
            100,
            "",
            "",
            Optional.of(new BackendSpec(BackendKind.GEMINI, upstream.url(), "", "GEMINI_KEY"))));
    azure = OpenAiClients.azure(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static ChatCompletionCreateParams.Builder ask(String text) {
    return ChatCompletionCreateParams.builder()
        .model("gemini")
        .addSystemMessage("Be brief.")
        .addUserMessage(text);
  }

  @Test
  void chats() {
    ChatCompletion completion = azure.chat().completions().create(ask("Explain AI").build());
    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.model()).isEqualTo("gemini-2.5-flash");
    var choice = completion.choices().getFirst();
    assertThat(choice.message().content()).hasValueSatisfying(t -> assertThat(t).startsWith("AI"));
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(8);
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(15);
  }

  @Test
  void streamsWithUsageLast() {
    StringBuilder text = new StringBuilder();
    long[] usage = {-1};
    ChatCompletionChunk.Choice.FinishReason[] finish = {null};
    try (StreamResponse<ChatCompletionChunk> stream =
        azure
            .chat()
            .completions()
            .createStreaming(
                ask("A story")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      stream.stream()
          .forEach(
              chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.choices().forEach(c -> c.finishReason().ifPresent(f -> finish[0] = f));
                chunk.usage().ifPresent(u -> usage[0] = u.completionTokens());
              });
    }
    assertThat(text.toString()).isEqualTo("The backpack glowed softly in the dark.");
    assertThat(finish[0]).isEqualTo(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(usage[0]).isEqualTo(8);
  }

  @Test
  void roundTripsAToolCall() {
    FunctionParameters.Builder parameters = FunctionParameters.builder();
    Map.of(
            "type",
            "object",
            "properties",
            Map.of("location", Map.of("type", "string")),
            "required",
            List.of("location"))
        .forEach((k, v) -> parameters.putAdditionalProperty(k, JsonValue.from(v)));
    ChatCompletionTool tool =
        ChatCompletionTool.ofFunction(
            ChatCompletionFunctionTool.builder()
                .function(
                    FunctionDefinition.builder()
                        .name("get_weather")
                        .parameters(parameters.build())
                        .build())
                .build());
    var ask =
        ChatCompletionCreateParams.builder()
            .model("gemini")
            .addUserMessage("What is the weather in San Francisco?")
            .tools(List.of(tool));
    ChatCompletion first = azure.chat().completions().create(ask.build());
    var choice = first.choices().getFirst();
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    var call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).contains("San Francisco, CA");

    ChatCompletion second =
        azure
            .chat()
            .completions()
            .create(
                ask.addMessage(choice.message())
                    .addMessage(
                        ChatCompletionToolMessageParam.builder()
                            .toolCallId(call.id())
                            .content("15 degrees, sunny")
                            .build())
                    .build());
    assertThat(second.choices().getFirst().message().content().orElseThrow())
        .contains("15 degrees");
    var sent = upstream.last().body().path("contents");
    assertThat(sent.at("/1/parts/0/functionCall/name").asText()).isEqualTo("get_weather");
    assertThat(sent.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
  }

  @Test
  void answersTheResponsesApiThroughTheChatTranslation() {
    Response created =
        OpenAiClients.azure(server, "2025-03-01-preview")
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gemini")
                    .instructions("Be brief.")
                    .input("Explain AI")
                    .build());
    created.validate();
    assertThat(created.id()).startsWith("resp_");
    assertThat(created.usage().orElseThrow().outputTokens()).isEqualTo(15);
    assertThat(upstream.last().body().at("/systemInstruction/parts/0/text").asText())
        .isEqualTo("Be brief.");
  }

  @Test
  void aBlockedPromptIsAContentFilterError() {
    assertThatThrownBy(
            () ->
                azure.chat().completions().create(ask("cassette:generate-prompt-blocked").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("content management policy");
  }

  @Test
  void anExhaustedQuotaIsARateLimitError() {
    assertThatThrownBy(
            () ->
                azure
                    .chat()
                    .completions()
                    .create(
                        ChatCompletionCreateParams.builder()
                            .model("gemini")
                            .addUserMessage("cassette:error-unavailable")
                            .build()))
        .isInstanceOf(RateLimitException.class);
  }
}
