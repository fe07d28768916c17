package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** com.openai:openai-java, unchanged, in Azure (legacy deployment URLs) and v1 modes. */
class OpenAiJavaTest {
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    azure = OpenAiClients.azure(server);
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ChatCompletionCreateParams.Builder hello(String model) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addSystemMessage("Be brief.")
        .addUserMessage("Hello!");
  }

  @Test
  void chatsThroughTheAzureDeploymentRoute() {
    ChatCompletion completion = azure.chat().completions().create(hello("gpt-4o").seed(1L).build());
    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().getFirst().message().content()).isPresent();
    assertThat(completion.usage().orElseThrow().promptTokens())
        .as("3 priming + (3 + system + Be brief.) + (3 + user + Hello!)")
        .isEqualTo(16);
  }

  @Test
  void chatsThroughTheV1RouteWithTheKeyAsBearer() {
    ChatCompletion completion =
        v1.chat().completions().create(hello("gpt-35-turbo").maxCompletionTokens(5L).build());
    assertThat(completion.model()).isEqualTo("gpt-35-turbo");
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(5);
    assertThat(completion.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
  }

  @Test
  void streamsChunksWithUsageLast() {
    StringBuilder text = new StringBuilder();
    long[] usage = {-1};
    try (StreamResponse<ChatCompletionChunk> stream =
        azure
            .chat()
            .completions()
            .createStreaming(
                hello("gpt-4o")
                    .seed(2L)
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      stream.stream()
          .forEach(
              chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(u -> usage[0] = u.completionTokens());
              });
    }
    String whole =
        azure
            .chat()
            .completions()
            .create(hello("gpt-4o").seed(2L).build())
            .choices()
            .getFirst()
            .message()
            .content()
            .orElseThrow();
    assertThat(text.toString()).isEqualTo(whole);
    assertThat(usage[0]).isPositive();
  }

  @Test
  void callsToolsWithArgumentsValidAgainstTheSchema() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "location",
                Map.of("type", "string"),
                "unit",
                Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
            "required",
            List.of("location", "unit"),
            "additionalProperties",
            false);
    FunctionParameters.Builder parameters = FunctionParameters.builder();
    schema.forEach((k, v) -> parameters.putAdditionalProperty(k, JsonValue.from(v)));
    ChatCompletion completion =
        azure
            .chat()
            .completions()
            .create(
                hello("gpt-4o")
                    .tools(
                        List.of(
                            ChatCompletionTool.ofFunction(
                                ChatCompletionFunctionTool.builder()
                                    .function(
                                        FunctionDefinition.builder()
                                            .name("get_current_weather")
                                            .parameters(parameters.build())
                                            .build())
                                    .build())))
                    .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                    .build());
    var choice = completion.choices().getFirst();
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    var call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
    assertThat(call.function().name()).isEqualTo("get_current_weather");
    var validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Json.MAPPER.valueToTree(schema));
    assertThat(validator.validate(Json.read(call.function().arguments(), JsonNode.class)))
        .isEmpty();
  }

  @Test
  void returnsJsonValidAgainstAJsonSchemaResponseFormat() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("city", Map.of("type", "string"), "population", Map.of("type", "integer")),
            "required",
            List.of("city", "population"),
            "additionalProperties",
            false);
    ResponseFormatJsonSchema.JsonSchema.Schema.Builder body =
        ResponseFormatJsonSchema.JsonSchema.Schema.builder();
    schema.forEach((k, v) -> body.putAdditionalProperty(k, JsonValue.from(v)));
    ChatCompletion completion =
        azure
            .chat()
            .completions()
            .create(
                hello("gpt-4o")
                    .responseFormat(
                        ResponseFormatJsonSchema.builder()
                            .jsonSchema(
                                ResponseFormatJsonSchema.JsonSchema.builder()
                                    .name("city")
                                    .strict(true)
                                    .schema(body.build())
                                    .build())
                            .build())
                    .build());
    String content = completion.choices().getFirst().message().content().orElseThrow();
    var validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Json.MAPPER.valueToTree(schema));
    assertThat(validator.validate(Json.read(content, JsonNode.class))).isEmpty();
  }

  @Test
  void returnsTwoChoicesForNEqualsTwo() {
    ChatCompletion completion = azure.chat().completions().create(hello("gpt-4o").n(2L).build());
    assertThat(completion.choices()).hasSize(2);
  }

  @Test
  void completesText() {
    var completion =
        azure
            .completions()
            .create(
                CompletionCreateParams.builder()
                    .model("gpt-35-turbo")
                    .prompt("Once upon a time")
                    .build());
    assertThat(completion.id()).startsWith("cmpl-");
    assertThat(completion.choices().getFirst().text()).isNotBlank();
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(16);
  }

  @Test
  void embedsAsBase64ByDefaultAndAsFloats() {
    var base64 =
        azure
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("all-minilm-l6-v2")
                    .input("hello world")
                    .build());
    var floats =
        azure
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("all-minilm-l6-v2")
                    .input("hello world")
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                    .build());
    List<Float> a = base64.data().getFirst().embedding();
    List<Float> b = floats.data().getFirst().embedding();
    assertThat(a).hasSize(384);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void listsDeploymentsAsModelsOnV1() {
    var ids = v1.models().list().data().stream().map(m -> m.id()).toList();
    assertThat(ids).contains("gpt-4o", "gpt-35-turbo", "all-minilm-l6-v2");
  }

  @Test
  void surfacesAzureErrorsAsTypedExceptions() {
    assertThatThrownBy(() -> azure.chat().completions().create(hello("missing").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("The API deployment for this resource does not exist.");
    OpenAIClient wrongKey =
        OpenAIOkHttpClient.builder()
            .baseUrl(server.endpoint())
            .credential(AzureApiKeyCredential.create("0".repeat(32)))
            .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
            .azureUrlPathMode(AzureUrlPathMode.LEGACY)
            .maxRetries(0)
            .build();
    assertThatThrownBy(() -> wrongKey.chat().completions().create(hello("gpt-4o").build()))
        .isInstanceOf(UnauthorizedException.class);
  }
}
