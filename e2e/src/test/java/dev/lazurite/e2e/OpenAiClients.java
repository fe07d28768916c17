package dev.lazurite.e2e;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.lazurite.testing.TestingServer;

/** com.openai:openai-java clients of a test server, configured as users configure them. */
final class OpenAiClients {
  private OpenAiClients() {}

  /** Azure mode: dated routes with {@code api-version=2024-10-21} and an {@code api-key}. */
  static OpenAIClient azure(TestingServer server) {
    return azure(server, "2024-10-21");
  }

  /** Azure mode with another {@code api-version} (Responses needs 2025-03-01-preview or later). */
  static OpenAIClient azure(TestingServer server, String apiVersion) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.endpoint())
        .credential(AzureApiKeyCredential.create(server.key()))
        .azureServiceVersion(AzureOpenAIServiceVersion.fromString(apiVersion))
        .azureUrlPathMode(AzureUrlPathMode.LEGACY)
        .maxRetries(0)
        .build();
  }

  /** The v1 routes, as a plain OpenAI client with the key as its API key. */
  static OpenAIClient v1(TestingServer server) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.endpoint() + "/openai/v1")
        .apiKey(server.key())
        .maxRetries(0)
        .build();
  }
}
