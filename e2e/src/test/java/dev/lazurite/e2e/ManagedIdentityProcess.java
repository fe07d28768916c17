package dev.lazurite.e2e;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * A workload running as a managed identity: its environment carries IDENTITY_ENDPOINT and
 * IDENTITY_HEADER, and its code is what runs on Azure App Service unchanged.
 */
public final class ManagedIdentityProcess {
  private ManagedIdentityProcess() {}

  public static void main(String[] args) {
    ManagedIdentityCredential credential = new ManagedIdentityCredentialBuilder().build();
    String scope = "https://cognitiveservices.azure.com/.default";
    var client =
        OpenAIOkHttpClient.builder()
            .baseUrl(args[0])
            .credential(
                BearerTokenCredential.create(
                    () ->
                        credential
                            .getTokenSync(new TokenRequestContext().addScopes(scope))
                            .getToken()))
            .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
            .azureUrlPathMode(AzureUrlPathMode.LEGACY)
            .maxRetries(0)
            .build();
    var completion =
        client
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model("gpt-4o")
                    .addUserMessage("Hello!")
                    .build());
    System.out.println("chat answered with " + completion.choices().size() + " choice(s)");
  }
}
