package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.OpenAIServiceVersion;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lazurite.json.Json;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.tls.LocalCertificates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second resource's endpoint, exactly as ARM prints it, in openai-java (Azure mode and v1),
 * azure-ai-openai, a token from azure-identity, and curl, with both endpoint shapes.
 */
class ResourceEndpointClientsTest {
  static TestingServer server;
  static TestingAccounts accounts;
  static String endpoint;
  static String key;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    accounts = new TestingAccounts(server);
    accounts.create("team-b");
    endpoint = accounts.endpoint("team-b");
    key = accounts.key1("team-b");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static X509TrustManager localCa(TestingServer server) throws Exception {
    var trust = KeyStore.getInstance("PKCS12");
    var files = new LocalCertificates.Files(server.dataDir().resolve("tls"));
    try (var in = Files.newInputStream(files.truststore())) {
      trust.load(in, LocalCertificates.TRUSTSTORE_PASSWORD.toCharArray());
    }
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  static OpenAIClient azureMode(String baseUrl, Credential credential) throws Exception {
    return OpenAIOkHttpClient.builder()
        .baseUrl(baseUrl)
        .credential(credential)
        .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
        .azureUrlPathMode(AzureUrlPathMode.LEGACY)
        .sslSocketFactory(server.trustingLocalCa().getSocketFactory())
        .trustManager(localCa(server))
        .maxRetries(0)
        .build();
  }

  static ChatCompletionCreateParams hello() {
    return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello!").build();
  }

  @Test
  void openAiJavaInAzureModeKeepsTheEndpointsPath() throws Exception {
    var client = azureMode(endpoint, AzureApiKeyCredential.create(key));
    assertThat(client.chat().completions().create(hello()).choices()).hasSize(1);
    var foreign = azureMode(endpoint, AzureApiKeyCredential.create(server.key()));
    assertThatThrownBy(() -> foreign.chat().completions().create(hello()))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("wrong API endpoint");
  }

  @Test
  void openAiJavaOnTheV1RouteUnderTheEndpoint() throws Exception {
    var client =
        OpenAIOkHttpClient.builder()
            .baseUrl(endpoint + "openai/v1")
            .apiKey(key)
            .sslSocketFactory(server.trustingLocalCa().getSocketFactory())
            .trustManager(localCa(server))
            .maxRetries(0)
            .build();
    assertThat(client.chat().completions().create(hello()).choices()).hasSize(1);
    assertThat(client.models().list().data()).isNotEmpty();
  }

  @Test
  void azureAiOpenAiKeepsTheEndpointsPath() {
    var builder =
        new OpenAIClientBuilder()
            .endpoint(endpoint)
            .serviceVersion(OpenAIServiceVersion.V2024_06_01)
            .httpClient(
                new JdkHttpClientBuilder(
                        java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
                    .build());
    var options =
        new ChatCompletionsOptions(List.of(new ChatRequestUserMessage("Hello!"))).setMaxTokens(5);
    var client = builder.credential(new AzureKeyCredential(key)).buildClient();
    assertThat(client.getChatCompletions("gpt-4o", options).getChoices()).hasSize(1);
    var foreign = builder.credential(new AzureKeyCredential(server.key())).buildClient();
    assertThatThrownBy(() -> foreign.getChatCompletions("gpt-4o", options))
        .isInstanceOf(ClientAuthenticationException.class);
  }

  @Test
  void anAzureIdentityTokenIsAuthorisedAgainstTheEndpointsResource() throws Exception {
    var created = server.server().identities().createServicePrincipal("endpoint-clients-app");
    var credential =
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
    var token =
        BearerTokenCredential.create(
            () ->
                credential
                    .getTokenSync(
                        new TokenRequestContext()
                            .addScopes("https://cognitiveservices.azure.com/.default"))
                    .getToken());
    accounts.grant(created.principal().objectId(), BuiltInRoles.OPENAI_USER.id(), "team-b");
    assertThat(azureMode(endpoint, token).chat().completions().create(hello()).choices())
        .hasSize(1);
    assertThatThrownBy(
            () ->
                azureMode(accounts.endpoint("lazurite"), token)
                    .chat()
                    .completions()
                    .create(hello()))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("lacks the required data action");
  }

  @Test
  void curlUsesThePrintedEndpoint() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    JsonNode body =
        curl(
            "curl -sS --cacert \"$CA\" \"${ENDPOINT}openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21\""
                + " -H \"Content-Type: application/json\" -H \"api-key: $KEY\""
                + " -d '{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}'",
            Map.of(
                "CA", server.server().caCertFile().orElseThrow().toString(),
                "ENDPOINT", endpoint,
                "KEY", key));
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
  }

  @Test
  void curlReachesATemplatedHostThroughWildcardDnsAndCertificate() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    Map<String, String> env =
        Map.of("LAZURITE_ENDPOINT_HOST_TEMPLATE", "{name}.openai.example.internal");
    try (TestingServer templated = TestingServer.start(c -> c, env::get)) {
      var others = new TestingAccounts(templated);
      others.create("team-c");
      String printed = others.endpoint("team-c");
      int port = URI.create(templated.httpsEndpoint()).getPort();
      assertThat(printed).isEqualTo("https://team-c.openai.example.internal:" + port + "/");
      String script =
          "curl -sS --cacert \"$CA\" --resolve \"team-c.openai.example.internal:$PORT:127.0.0.1\""
              + " \"${ENDPOINT}openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21\""
              + " -H \"Content-Type: application/json\" -H \"api-key: $KEY\""
              + " -d '{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}'";
      JsonNode ok =
          curl(
              script,
              Map.of(
                  "CA", templated.server().caCertFile().orElseThrow().toString(),
                  "PORT", Integer.toString(port),
                  "ENDPOINT", printed,
                  "KEY", others.key1("team-c")));
      assertThat(ok.get("object").asText()).isEqualTo("chat.completion");
      JsonNode refused =
          curl(
              script,
              Map.of(
                  "CA", templated.server().caCertFile().orElseThrow().toString(),
                  "PORT", Integer.toString(port),
                  "ENDPOINT", printed,
                  "KEY", templated.key()));
      assertThat(refused.at("/error/code").asText()).isEqualTo("401");
    }
  }

  static JsonNode curl(String script, Map<String, String> environment) throws Exception {
    var process = new ProcessBuilder(List.of("bash", "-c", script));
    process.environment().putAll(environment);
    Process curl = process.start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor()).as(err).isZero();
    return Json.read(out, JsonNode.class);
  }
}
