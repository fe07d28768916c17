package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
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
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingAnthropic;
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
 * openai-java in Azure mode, unchanged, against a deployment of a Claude model on an anthropic
 * backend (a fake Messages API replaying Anthropic's published answers): chat, stream, a tool round
 * trip and an overloaded upstream look as they look from any Azure deployment.
 */
class AnthropicOpenAiJavaTest {
  static final String KEY = "sk-ant-api03-" + UUID.randomUUID();
  static TestingAnthropic upstream;
  static TestingServer server;
  static OpenAIClient azure;

  @BeforeAll
  static void start() {
    upstream = TestingAnthropic.start(KEY);
    server = TestingServer.start(UnaryOperator.identity(), Map.of("ANTHROPIC_KEY", KEY)::get);
    server.deploy(
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
    azure = OpenAiClients.azure(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static ChatCompletionCreateParams.Builder hello() {
    return ChatCompletionCreateParams.builder()
        .model("claude")
        .addSystemMessage("Be brief.")
        .addUserMessage("Hello!");
  }

  @Test
  void chats() {
    ChatCompletion completion = azure.chat().completions().create(hello().build());
    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.model()).isEqualTo("claude-sonnet-4-20250514");
    var choice = completion.choices().getFirst();
    assertThat(choice.message().content()).contains("Hi! My name is Claude.");
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(2095);
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(503);
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
                hello()
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
    assertThat(text.toString()).isEqualTo("Hello!");
    assertThat(finish[0]).isEqualTo(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(usage[0]).isEqualTo(15);
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
            .model("claude")
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
                            .content("15 degrees, foggy")
                            .build())
                    .build());
    assertThat(second.choices().getFirst().message().content().orElseThrow())
        .contains("15 degrees Celsius");
    var sent = upstream.last().path("messages");
    assertThat(sent.at("/1/content/0/type").asText()).isEqualTo("text");
    assertThat(sent.at("/1/content/1/type").asText()).isEqualTo("tool_use");
    assertThat(sent.at("/2/content/0/tool_use_id").asText()).isEqualTo(call.id());
  }

  @Test
  void anOverloadedUpstreamIsARateLimitError() {
    assertThatThrownBy(
            () ->
                azure
                    .chat()
                    .completions()
                    .create(
                        ChatCompletionCreateParams.builder()
                            .model("claude")
                            .addUserMessage("cassette:error-overloaded")
                            .build()))
        .isInstanceOf(RateLimitException.class);
  }
}
