package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.azure:azure-identity, unchanged, against the built-in token service: a service principal's
 * client secret over HTTPS, and a managed identity through IDENTITY_ENDPOINT; each token then
 * authorizes openai-java's Azure client through RBAC.
 */
class EntraIdentityTest {
  static final String SCOPE = "https://cognitiveservices.azure.com/.default";
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void grantOpenAiUser(String objectId) {
    server
        .server()
        .control()
        .assignRole(
            java.util.UUID.randomUUID().toString(),
            objectId,
            BuiltInRoles.OPENAI_USER.roleName(),
            "/subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite");
  }

  static OpenAIClient openAi(java.util.function.Supplier<String> token) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(server.endpoint())
        .credential(BearerTokenCredential.create(token))
        .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
        .azureUrlPathMode(AzureUrlPathMode.LEGACY)
        .maxRetries(0)
        .build();
  }

  static ChatCompletionCreateParams hello() {
    return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello!").build();
  }

  @Test
  void clientSecretCredentialGetsATokenThatOpensChatOnceTheRoleIsGranted() throws Exception {
    var created = server.server().identities().createServicePrincipal("azure-identity-app");
    ClientSecretCredential credential =
        new ClientSecretCredentialBuilder()
            .authorityHost(server.httpsEndpoint())
            .tenantId(server.server().identities().issuer().tenantId())
            .clientId(created.principal().appId())
            .clientSecret(created.secret())
            .disableInstanceDiscovery()
            .httpClient(
                new JdkHttpClientBuilder(
                        java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
                    .build())
            .build();
    var token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
    assertThat(token.getToken()).contains(".");
    OpenAIClient client =
        openAi(
            () -> credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE)).getToken());
    assertThatThrownBy(() -> client.chat().completions().create(hello()))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("lacks the required data action");
    grantOpenAiUser(created.principal().objectId());
    assertThat(client.chat().completions().create(hello()).choices()).hasSize(1);
  }

  @Test
  void managedIdentityCredentialWorksThroughIdentityEndpoint() throws Exception {
    var identity = server.server().identities().createManagedIdentity("worker");
    grantOpenAiUser(identity.principalId());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ManagedIdentityProcess.class.getName());
    command.add(server.endpoint());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("IDENTITY_ENDPOINT", server.endpoint() + "/msi/token");
    builder
        .environment()
        .put("IDENTITY_HEADER", server.server().identities().identityHeader(identity));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("chat answered with 1 choice(s)");
  }
}
