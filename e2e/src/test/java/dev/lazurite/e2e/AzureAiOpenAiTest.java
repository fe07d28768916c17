package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.OpenAIServiceVersion;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestMessage;
import com.azure.ai.openai.models.ChatRequestSystemMessage;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.ai.openai.models.EmbeddingsOptions;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.azure:azure-ai-openai, which refuses plain HTTP for any credential, over the HTTPS listener
 * with the generated local CA as its only trust anchor.
 */
class AzureAiOpenAiTest {
  static TestingServer server;
  static OpenAIClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestingServer.start();
    SSLContext tls = server.trustingLocalCa();
    client =
        new OpenAIClientBuilder()
            .endpoint(server.httpsEndpoint())
            .credential(new AzureKeyCredential(server.key()))
            .serviceVersion(OpenAIServiceVersion.V2024_06_01)
            .httpClient(
                new ExactBuffersHttpClient(
                    new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls))
                        .build()))
            .buildClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ChatCompletionsOptions hello() {
    List<ChatRequestMessage> messages =
        List.of(new ChatRequestSystemMessage("Be brief."), new ChatRequestUserMessage("Hello!"));
    return new ChatCompletionsOptions(messages).setSeed(3L).setMaxTokens(20);
  }

  @Test
  void chatsOverHttps() {
    ChatCompletions completions = client.getChatCompletions("gpt-4o", hello());
    assertThat(completions.getChoices()).hasSize(1);
    assertThat(completions.getChoices().getFirst().getMessage().getContent()).isNotBlank();
    assertThat(completions.getUsage().getPromptTokens()).isEqualTo(16);
    assertThat(completions.getModel()).isEqualTo("gpt-4o-2024-08-06");
  }

  @Test
  void streamsChatOverHttpsThoughItAsksForJson() {
    StringBuilder text = new StringBuilder();
    client
        .getChatCompletionsStream("gpt-4o", hello())
        .forEach(
            chunk ->
                chunk
                    .getChoices()
                    .forEach(
                        c -> {
                          if (c.getDelta() != null && c.getDelta().getContent() != null) {
                            text.append(c.getDelta().getContent());
                          }
                        }));
    String whole =
        client
            .getChatCompletions("gpt-4o", hello())
            .getChoices()
            .getFirst()
            .getMessage()
            .getContent();
    assertThat(text.toString()).isEqualTo(whole);
  }

  @Test
  void embedsOverHttps() {
    var embeddings =
        client.getEmbeddings("all-minilm-l6-v2", new EmbeddingsOptions(List.of("first", "second")));
    assertThat(embeddings.getData()).hasSize(2);
    assertThat(embeddings.getData().getFirst().getEmbedding()).hasSize(384);
  }

  @Test
  void raisesTheSdksTypedErrorForAnUnknownDeployment() {
    assertThatThrownBy(() -> client.getChatCompletions("missing", hello()))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("DeploymentNotFound");
  }
}
