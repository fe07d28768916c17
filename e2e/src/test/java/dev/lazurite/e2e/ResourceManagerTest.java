package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.cognitiveservices.CognitiveServicesManager;
import com.azure.resourcemanager.cognitiveservices.models.Account;
import com.azure.resourcemanager.cognitiveservices.models.AccountProperties;
import com.azure.resourcemanager.cognitiveservices.models.ApiKeys;
import com.azure.resourcemanager.cognitiveservices.models.Deployment;
import com.azure.resourcemanager.cognitiveservices.models.DeploymentModel;
import com.azure.resourcemanager.cognitiveservices.models.DeploymentProperties;
import com.azure.resourcemanager.cognitiveservices.models.DeploymentProvisioningState;
import com.azure.resourcemanager.cognitiveservices.models.KeyName;
import com.azure.resourcemanager.cognitiveservices.models.ProvisioningState;
import com.azure.resourcemanager.cognitiveservices.models.PublicNetworkAccess;
import com.azure.resourcemanager.cognitiveservices.models.RegenerateKeyParameters;
import com.azure.resourcemanager.cognitiveservices.models.Sku;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.azure.resourcemanager:azure-resourcemanager-cognitiveservices, unchanged, managing accounts
 * and deployments over HTTPS with a service principal's token from the built-in token service; the
 * key it lists then answers a chat completion at the endpoint it prints.
 */
class ResourceManagerTest {
  static final String GROUP = "sdk-group";
  static TestingServer server;
  static CognitiveServicesManager manager;
  static java.net.http.HttpClient https;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    https = java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()).build();
    String subscription = server.server().subscriptionId();
    var group =
        server
            .http()
            .send(
                "PUT",
                "/subscriptions/"
                    + subscription
                    + "/resourcegroups/"
                    + GROUP
                    + "?api-version=2021-04-01",
                "{\"location\":\"swedencentral\"}",
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(group.status()).as(group.body()).isIn(200, 201);

    var principal = server.server().identities().createServicePrincipal("resource-manager-sdk");
    server
        .server()
        .control()
        .assignRole(
            UUID.randomUUID().toString(),
            principal.principal().objectId(),
            BuiltInRoles.OWNER.roleName(),
            "/subscriptions/" + subscription);
    manager = managerFor(principal.principal().appId(), principal.secret());
  }

  /** The SDK as an application configures it for a cloud: ARM and Entra at the server. */
  static CognitiveServicesManager managerFor(String appId, String secret) {
    HttpClient sdkHttp =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
            .build();
    String tenant = server.server().identities().issuer().tenantId();
    TokenCredential credential =
        new ClientSecretCredentialBuilder()
            .authorityHost(server.httpsEndpoint())
            .tenantId(tenant)
            .clientId(appId)
            .clientSecret(secret)
            .disableInstanceDiscovery()
            .httpClient(sdkHttp)
            .build();
    String arm = server.httpsEndpoint().replaceAll("/+$", "");
    var environment =
        new AzureEnvironment(
            Map.of(
                "resourceManagerEndpointUrl",
                arm,
                "managementEndpointUrl",
                "https://management.core.windows.net/",
                "activeDirectoryEndpointUrl",
                arm + "/"));
    return CognitiveServicesManager.configure()
        .withHttpClient(sdkHttp)
        .authenticate(
            credential, new AzureProfile(tenant, server.server().subscriptionId(), environment));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Account createAccount(String name) {
    return manager
        .accounts()
        .define(name)
        .withExistingResourceGroup(GROUP)
        .withRegion("swedencentral")
        .withKind("OpenAI")
        .withSku(new Sku().withName("S0"))
        .withTags(Map.of("team", "search", "cost-center", "42"))
        .withProperties(
            new AccountProperties().withPublicNetworkAccess(PublicNetworkAccess.ENABLED))
        .create();
  }

  static Deployment deploy(Account account, String name, String model, String version) {
    return manager
        .deployments()
        .define(name)
        .withExistingAccount(GROUP, account.name())
        .withSku(new Sku().withName("GlobalStandard").withCapacity(10))
        .withProperties(
            new DeploymentProperties()
                .withModel(
                    new DeploymentModel()
                        .withFormat("OpenAI")
                        .withName(model)
                        .withVersion(version)))
        .create();
  }

  static JsonNode chat(String endpoint, String key, String deployment) throws Exception {
    String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "openai/deployments/"
                        + deployment
                        + "/chat/completions?api-version=2024-10-21"))
            .header("api-key", key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"))
            .build();
    HttpResponse<String> response = https.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void accountLifecycleThroughTheFluentApiAndAChatWithTheListedKey() throws Exception {
    Account created = createAccount("sdk-openai");
    assertThat(created.properties().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
    assertThat(created.kind()).isEqualTo("OpenAI");

    Account shown = manager.accounts().getByResourceGroup(GROUP, "sdk-openai");
    assertThat(shown.tags()).containsEntry("team", "search").containsEntry("cost-center", "42");
    assertThat(shown.sku().name()).isEqualTo("S0");
    assertThat(shown.properties().publicNetworkAccess()).isEqualTo(PublicNetworkAccess.ENABLED);
    assertThat(shown.properties().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
    String endpoint = shown.properties().endpoint();
    assertThat(endpoint).startsWith("https://");
    assertThat(shown.id())
        .isEqualTo(
            "/subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/"
                + GROUP
                + "/providers/Microsoft.CognitiveServices/accounts/sdk-openai");

    assertThat(manager.accounts().list().stream().map(Account::name)).contains("sdk-openai");
    assertThat(manager.accounts().listByResourceGroup(GROUP).stream().map(Account::name))
        .contains("sdk-openai")
        .allSatisfy(name -> assertThat(name).startsWith("sdk-"));

    ApiKeys keys = manager.accounts().listKeys(GROUP, "sdk-openai");
    assertThat(keys.key1()).isNotBlank().isNotEqualTo(keys.key2());
    ApiKeys regenerated =
        manager
            .accounts()
            .regenerateKey(
                GROUP, "sdk-openai", new RegenerateKeyParameters().withKeyName(KeyName.KEY2));
    assertThat(regenerated.key1()).isEqualTo(keys.key1());
    assertThat(regenerated.key2()).isNotEqualTo(keys.key2());

    Deployment deployment = deploy(shown, "chat", "gpt-4o", "2024-08-06");
    assertThat(deployment.properties().provisioningState())
        .isEqualTo(DeploymentProvisioningState.SUCCEEDED);
    assertThat(deployment.sku().name()).isEqualTo("GlobalStandard");
    assertThat(deployment.sku().capacity()).isEqualTo(10);
    assertThat(manager.deployments().list(GROUP, "sdk-openai").stream().map(Deployment::name))
        .containsExactly("chat");
    Deployment fetched = manager.deployments().get(GROUP, "sdk-openai", "chat");
    assertThat(fetched.properties().model().name()).isEqualTo("gpt-4o");
    assertThat(fetched.properties().model().version()).isEqualTo("2024-08-06");
    assertThat(fetched.properties().model().format()).isEqualTo("OpenAI");

    JsonNode answer = chat(endpoint, regenerated.key1(), "chat");
    assertThat(answer.path("choices")).hasSize(1);
    assertThat(answer.at("/choices/0/message/content").asText()).isNotEmpty();

    manager.deployments().delete(GROUP, "sdk-openai", "chat");
    assertThat(manager.deployments().list(GROUP, "sdk-openai").stream()).isEmpty();
    manager.accounts().deleteByResourceGroup(GROUP, "sdk-openai");
    assertThatThrownBy(() -> manager.accounts().getByResourceGroup(GROUP, "sdk-openai"))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));

    List<Account> deleted = manager.deletedAccounts().list().stream().toList();
    assertThat(deleted.stream().map(Account::name)).contains("sdk-openai");
    Account gone = manager.deletedAccounts().get("swedencentral", GROUP, "sdk-openai");
    assertThat(gone.name()).isEqualTo("sdk-openai");
    manager.deletedAccounts().purge("swedencentral", GROUP, "sdk-openai");
    assertThat(manager.deletedAccounts().list().stream().map(Account::name))
        .doesNotContain("sdk-openai");
  }

  @Test
  void catalogReadsThroughTheSdk() {
    Account account = createAccount("sdk-catalog");
    assertThat(
            manager.accounts().listModels(GROUP, "sdk-catalog").stream()
                .map(m -> m.name() + "@" + m.version()))
        .contains("gpt-4o@2024-08-06");
    assertThat(manager.models().list("swedencentral").stream().map(m -> m.model().name()))
        .contains("gpt-4o");
    assertThat(manager.resourceSkus().list().stream().map(s -> s.name())).contains("S0");
    assertThat(manager.usages().list("swedencentral").stream()).isNotEmpty();
    assertThat(manager.accounts().listSkus(GROUP, account.name()).value()).isNotEmpty();
    manager.accounts().deleteByResourceGroup(GROUP, "sdk-catalog");
  }

  @Test
  void armErrorsSurfaceAsManagementExceptionsWithAzureCodes() {
    assertThatThrownBy(
            () ->
                manager
                    .accounts()
                    .define("sdk-nowhere")
                    .withExistingResourceGroup("no-such-group")
                    .withRegion("swedencentral")
                    .withKind("OpenAI")
                    .withSku(new Sku().withName("S0"))
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
              assertThat(e.getValue().getCode()).isEqualTo("ResourceGroupNotFound");
            });

    Account account = createAccount("sdk-errors");
    assertThatThrownBy(() -> deploy(account, "bad", "no-such-model", "1"))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
              assertThat(e.getValue().getCode()).isEqualTo("DeploymentModelNotSupported");
            });
    assertThat(manager.deployments().list(GROUP, "sdk-errors").stream()).isEmpty();
    assertThatThrownBy(() -> manager.deployments().get(GROUP, "sdk-errors", "missing"))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
              assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
            });
    manager.accounts().deleteByResourceGroup(GROUP, "sdk-errors");
  }

  @Test
  void aPrincipalWithoutARoleIsRefusedAndChangesNothing() {
    var principal = server.server().identities().createServicePrincipal("no-role-sdk");
    CognitiveServicesManager unprivileged =
        managerFor(principal.principal().appId(), principal.secret());
    assertThatThrownBy(() -> unprivileged.accounts().listByResourceGroup(GROUP).stream().toList())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(403);
              assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed");
            });
    assertThatThrownBy(
            () ->
                unprivileged
                    .accounts()
                    .define("sdk-refused")
                    .withExistingResourceGroup(GROUP)
                    .withRegion("swedencentral")
                    .withKind("OpenAI")
                    .withSku(new Sku().withName("S0"))
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed"));
    assertThat(manager.accounts().listByResourceGroup(GROUP).stream().map(Account::name))
        .doesNotContain("sdk-refused");
  }
}
