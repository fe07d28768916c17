package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ARM routes az and the management SDKs read besides accounts: cloud metadata, usages by
 * region, SKUs and kinds, and the models an account can deploy.
 */
class ArmCatalogRoutesTest {
  static TestingServer server;
  static TestingHttp http;
  static String sub;
  static String provider;
  static String account;
  static String auth;
  static String location;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    sub = server.server().subscriptionId();
    provider = "/subscriptions/" + sub + "/providers/Microsoft.CognitiveServices";
    account =
        "/subscriptions/"
            + sub
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
    auth = "Bearer " + server.server().adminToken();
    location = arm("GET", account + "?api-version=2024-10-01").json().get("location").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path) {
    return http.send(method, path, null, "Authorization", auth);
  }

  static List<JsonNode> values(TestingHttp.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return StreamSupport.stream(result.json().get("value").spliterator(), false).toList();
  }

  static void assertArmError(TestingHttp.Result result, int status, String code) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
  }

  @Test
  void cloudMetadataIsWhatAzCloudRegisterReadsAndItsEndpointsWork() {
    // az: arm_endpoint + '/metadata/endpoints?api-version=2015-01-01', with arm_endpoint ending in
    // /
    var result = http.send("GET", "//metadata/endpoints?api-version=2015-01-01", null);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    JsonNode metadata = result.json();
    String login = metadata.at("/authentication/loginEndpoint").asText();
    String audience = metadata.at("/authentication/audiences/0").asText();
    assertThat(login).isEqualTo(server.endpoint() + "/adfs");
    assertThat(audience).isEqualTo("https://management.core.windows.net/");
    assertThat(metadata.has("graphEndpoint")).isTrue();
    assertThat(metadata.has("galleryEndpoint")).isTrue();

    // MSAL with an /adfs authority: discovery, then a client-credentials token for the audience.
    var discovery =
        http.send(
            "GET",
            login.substring(server.endpoint().length()) + "/.well-known/openid-configuration",
            null);
    assertThat(discovery.status()).isEqualTo(200);
    var created = server.server().identities().createServicePrincipal("metadata-reader");
    String tokenPath =
        discovery.json().get("token_endpoint").asText().substring(server.endpoint().length());
    var token =
        http.sendForm(
            tokenPath,
            "grant_type=client_credentials&client_id="
                + created.principal().appId()
                + "&client_secret="
                + URLEncoder.encode(created.secret(), StandardCharsets.UTF_8)
                + "&scope="
                + URLEncoder.encode(audience + "/.default", StandardCharsets.UTF_8));
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    var subscriptions =
        http.send(
            "GET",
            "/subscriptions?api-version=2019-11-01",
            null,
            "Authorization",
            "Bearer " + token.json().get("access_token").asText());
    assertThat(subscriptions.status()).as("the audience is one ARM accepts").isEqualTo(200);

    var clouds = http.send("GET", "/metadata/endpoints?api-version=2022-09-01", null);
    assertThat(clouds.status()).isEqualTo(200);
    assertThat(clouds.json().get(0).get("resourceManager").asText())
        .isEqualTo(server.endpoint() + "/");
    assertThat(clouds.json().get(0).at("/authentication/loginEndpoint").asText()).isEqualTo(login);
    assertThat(clouds.json().get(0).get("suffixes").isObject()).isTrue();
  }

  @Test
  void cloudMetadataRefusesMissingAndUnknownApiVersions() {
    assertArmError(
        http.send("GET", "/metadata/endpoints", null), 400, "MissingApiVersionParameter");
    assertArmError(
        http.send("GET", "/metadata/endpoints?api-version=yesterday", null),
        400,
        "InvalidApiVersionParameter");
    assertArmError(
        http.send("GET", "/metadata/endpoints?api-version=2016-01-01", null),
        400,
        "InvalidApiVersionParameter");
  }

  @Test
  void usagesByRegionCountEveryDeploymentOfTheSubscriptionThere() {
    Account lazurite = server.server().control().account(sub, "lazurite", "lazurite");
    var usages =
        values(arm("GET", provider + "/locations/" + location + "/usages?api-version=2023-05-01"));
    assertThat(usages).isNotEmpty();
    for (JsonNode usage : usages) {
      assertThat(usage.at("/name/value").asText()).startsWith("OpenAI.");
      assertThat(usage.at("/name/localizedValue").asText()).startsWith("Tokens Per Minute");
      assertThat(usage.get("unit").asText()).isEqualTo("Count");
      assertThat(usage.get("limit").asInt()).isEqualTo(ControlPlane.DEFAULT_QUOTA_UNITS);
    }
    var deployments = server.server().control().deployments(lazurite);
    assertThat(deployments).isNotEmpty();
    for (var d : deployments) {
      if (d.sku().name().contains("Provisioned")) {
        continue;
      }
      String name = "OpenAI." + d.sku().name() + "." + d.model().name();
      JsonNode usage =
          usages.stream()
              .filter(u -> u.at("/name/value").asText().equals(name))
              .findFirst()
              .orElseThrow();
      assertThat(usage.get("currentValue").asInt())
          .as("the same count deployment creation checks")
          .isEqualTo(
              server.server().control().quotaUsed(lazurite, d.model().name(), d.sku().name()))
          .isPositive();
    }

    // The account's own usages route reports the same figure for the same quota.
    var d = deployments.getFirst();
    var own = values(arm("GET", account + "/usages?api-version=2023-05-01"));
    String quota = "OpenAI." + d.sku().name() + "." + d.model().name();
    int accountFigure =
        own.stream()
            .filter(u -> u.at("/name/value").asText().equals(quota))
            .findFirst()
            .orElseThrow()
            .get("currentValue")
            .asInt();
    var filtered =
        values(
            arm(
                "GET",
                provider
                    + "/locations/"
                    + location
                    + "/usages?api-version=2023-05-01&$filter="
                    + URLEncoder.encode("name.value eq '" + quota + "'", StandardCharsets.UTF_8)));
    assertThat(filtered).hasSize(1);
    assertThat(filtered.getFirst().get("currentValue").asInt()).isEqualTo(accountFigure);

    var elsewhere =
        values(arm("GET", provider + "/locations/nowhere/usages?api-version=2023-05-01"));
    assertThat(elsewhere).allSatisfy(u -> assertThat(u.get("currentValue").asInt()).isZero());
    var otherSubscription =
        values(
            arm(
                "GET",
                "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.CognitiveServices/locations/"
                    + location
                    + "/usages?api-version=2023-05-01"));
    assertThat(otherSubscription)
        .as("another subscription's quota is its own")
        .allSatisfy(u -> assertThat(u.get("currentValue").asInt()).isZero());
  }

  @Test
  void usagesByRegionRefuseBadInput() {
    String usages = provider + "/locations/" + location + "/usages";
    assertArmError(arm("GET", usages), 400, "MissingApiVersionParameter");
    assertArmError(arm("GET", usages + "?api-version=latest"), 400, "InvalidApiVersionParameter");
    assertArmError(
        arm(
            "GET",
            usages
                + "?api-version=2023-05-01&$filter="
                + URLEncoder.encode("limit gt 5", StandardCharsets.UTF_8)),
        400,
        "UnsupportedQuery");
    assertArmError(arm("POST", usages + "?api-version=2023-05-01"), 405, "MethodNotAllowed");
    assertArmError(
        http.send("GET", usages + "?api-version=2023-05-01", null), 401, "AuthenticationFailed");
  }

  @Test
  void subscriptionSkusListEveryKindAndSkuAsListSkusAndListKindsReadThem() {
    var skus = values(arm("GET", provider + "/skus?api-version=2023-05-01"));
    List<String> kinds = new ArrayList<>();
    for (JsonNode sku : skus) {
      assertThat(sku.get("resourceType").asText()).isEqualTo("accounts");
      assertThat(sku.get("name").asText()).isEqualTo("S0");
      assertThat(sku.get("tier").asText()).isEqualTo("Standard");
      assertThat(sku.get("restrictions").isArray()).isTrue();
      // az list-skus --location filters on location.lower() in [x.lower() for x in locations]
      assertThat(
              StreamSupport.stream(sku.get("locations").spliterator(), false)
                  .map(l -> l.asText().toLowerCase(java.util.Locale.ROOT))
                  .toList())
          .contains(location.toLowerCase(java.util.Locale.ROOT));
      kinds.add(sku.get("kind").asText());
    }
    assertThat(kinds).contains("OpenAI", "AIServices");

    var accountSkus = values(arm("GET", account + "/skus?api-version=2023-05-01"));
    assertThat(accountSkus).hasSize(1);
    assertThat(accountSkus.getFirst().get("resourceType").asText())
        .isEqualTo("Microsoft.CognitiveServices/accounts");
    assertThat(accountSkus.getFirst().at("/sku/name").asText()).isEqualTo("S0");
    assertThat(accountSkus.getFirst().at("/sku/tier").asText()).isEqualTo("Standard");
  }

  @Test
  void accountModelsAreTheCatalogInAzuresAccountModelShape() {
    var models = values(arm("GET", account + "/models?api-version=2023-05-01"));
    assertThat(models).hasSize(ModelCatalog.all().size());
    JsonNode gpt4o =
        models.stream()
            .filter(m -> m.get("name").asText().equals("gpt-4o"))
            .filter(m -> m.get("version").asText().equals("2024-08-06"))
            .findFirst()
            .orElseThrow();
    assertThat(gpt4o.get("format").asText()).isEqualTo("OpenAI");
    assertThat(gpt4o.get("isDefaultVersion").asBoolean())
        .isEqualTo(ModelCatalog.find("gpt-4o", "").orElseThrow().version().equals("2024-08-06"));
    assertThat(gpt4o.at("/capabilities/chatCompletion").asText()).isEqualTo("true");
    assertThat(gpt4o.at("/capabilities/maxContextToken").asText()).isEqualTo("128000");
    assertThat(gpt4o.get("lifecycleStatus").asText()).isEqualTo("GenerallyAvailable");
    assertThat(gpt4o.get("skus").findValuesAsText("name")).contains("Standard", "GlobalStandard");
    assertThat(gpt4o.get("skus").findValuesAsText("usageName")).contains("OpenAI.Standard.gpt-4o");
    assertThat(models.stream().filter(m -> m.get("isDefaultVersion").asBoolean()).count())
        .as("one default version per model name")
        .isEqualTo(ModelCatalog.all().stream().map(m -> m.name()).distinct().count());
    JsonNode embedding =
        models.stream()
            .filter(m -> m.get("name").asText().equals("text-embedding-3-small"))
            .findFirst()
            .orElseThrow();
    assertThat(embedding.at("/capabilities/embeddings").asText()).isEqualTo("true");
  }

  @Test
  void accountChildrenRefuseUnknownAccountsOtherSubscriptionsAndBadVersions() {
    for (String child : List.of("/models", "/skus")) {
      String missing = account.replace("/accounts/lazurite", "/accounts/nope") + child;
      assertArmError(arm("GET", missing + "?api-version=2023-05-01"), 404, "ResourceNotFound");
      String otherSub = account.replace(sub, "00000000-0000-0000-0000-000000000001") + child;
      assertArmError(arm("GET", otherSub + "?api-version=2023-05-01"), 404, "ResourceNotFound");
      String otherGroup =
          account.replace("/resourceGroups/lazurite/", "/resourceGroups/other/") + child;
      assertArmError(arm("GET", otherGroup + "?api-version=2023-05-01"), 404, "ResourceNotFound");
      assertArmError(
          arm("GET", account + child + "?api-version=v1"), 400, "InvalidApiVersionParameter");
      assertArmError(arm("GET", account + child), 400, "MissingApiVersionParameter");
      assertArmError(
          arm("PUT", account + child + "?api-version=2023-05-01"), 405, "MethodNotAllowed");
    }
    assertArmError(
        arm("GET", provider + "/skus?api-version=2023-13-01"), 400, "InvalidApiVersionParameter");
    assertArmError(
        arm("DELETE", provider + "/skus?api-version=2023-05-01"), 405, "MethodNotAllowed");
  }
}
