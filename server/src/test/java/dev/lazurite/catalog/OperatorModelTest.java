package dev.lazurite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models an operator adds to the catalog without a code change ({@code lazurite model add}): they
 * can be deployed and called at once, carry their prices, and are listed beside the built-in ones;
 * bad input is refused in ARM's envelope and changes nothing; built-in models are protected, and a
 * model in use cannot be deleted.
 */
class OperatorModelTest {
  static final String V = "?api-version=2024-08-01";
  static TestingServer server;
  static String models;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    models =
        "/subscriptions/" + server.server().subscriptionId() + "/providers/Lazurite.Catalog/models";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return server
        .http()
        .send(method, path + V, body, "Authorization", "Bearer " + server.server().adminToken());
  }

  static TestingCli.Result add(String name, String... extra) {
    String[] base = {
      "model",
      "add",
      "--name",
      name,
      "--family",
      "Mistral",
      "--kind",
      "chat",
      "--context-window",
      "131072",
      "--max-output-tokens",
      "8192",
      "--encoding",
      "cl100k_base"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return TestingCli.execute(server, args);
  }

  static TestingCli.Result deploy(String deployment, String model) {
    return TestingCli.execute(
        server,
        "deployment",
        "create",
        "--deployment-name",
        deployment,
        "--model-name",
        model,
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10");
  }

  @Test
  void anAddedModelIsListedPricedDeployableAndCallable() {
    var added = add("mistral-large", "--input-price", "2", "--output-price", "6");
    assertThat(added.code()).as(added.err()).isZero();
    var list = TestingCli.execute(server, "model", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("mistral-large").contains("gpt-4o");
    var listed = arm("GET", models, null).json().path("value");
    assertThat(listed)
        .filteredOn(m -> m.path("name").asText().equals("mistral-large"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.path("family").asText()).isEqualTo("Mistral");
              assertThat(m.path("contextWindow").asInt()).isEqualTo(131_072);
              assertThat(m.path("encoding").asText()).isEqualTo("cl100k_base");
              assertThat(m.path("builtIn").asBoolean()).isFalse();
            });
    var prices = TestingCli.execute(server, "price", "list");
    assertThat(prices.out()).contains("mistral-large");

    var deployed = deploy("mistral", "mistral-large");
    assertThat(deployed.code()).as(deployed.err()).isZero();
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/mistral/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("object").asText()).isEqualTo("chat.completion");
    var dataPlaneModels =
        server
            .http()
            .send("GET", "/openai/models?api-version=2024-10-21", null, "api-key", server.key());
    assertThat(dataPlaneModels.body()).contains("mistral-large-1");

    var inUse = TestingCli.execute(server, "model", "delete", "--name", "mistral-large");
    assertThat(inUse.code()).isNotZero();
    assertThat(inUse.err()).contains("mistral");
    assertThat(arm("GET", models, null).body()).contains("mistral-large");
  }

  @Test
  void anUnusedAddedModelCanBeDeleted() {
    assertThat(add("phi-4-test").code()).isZero();
    assertThat(arm("DELETE", models + "/phi-4-test", null).status()).isEqualTo(200);
    assertThat(arm("DELETE", models + "/phi-4-test", null).status()).isEqualTo(204);
    assertThat(arm("GET", models, null).body()).doesNotContain("phi-4-test");
    var refused = deploy("phi", "phi-4-test");
    assertThat(refused.code()).isNotZero();
  }

  private static void refused(String method, String path, String body, int status, String code) {
    String before = arm("GET", models, null).body();
    var result = arm(method, path, body);
    assertThat(result.status()).as(body + " -> " + result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
    assertThat(arm("GET", models, null).body()).isEqualTo(before);
  }

  @Test
  void badModelsAreRefusedAndChangeNothing() {
    String bad = "InvalidRequestContent";
    String ok =
        "{\"family\":\"Mistral\",\"kind\":\"chat\",\"contextWindow\":32768,"
            + "\"encoding\":\"o200k_base\"}";
    refused("PUT", models + "/m1", "{not json", 400, bad);
    refused("PUT", models + "/m1", "", 400, bad);
    refused("PUT", models + "/m1", "[1]", 400, bad);
    refused("PUT", models + "/m1", "{}", 400, bad);
    refused("PUT", models + "/m1", ok.replace("\"family\":\"Mistral\",", ""), 400, bad);
    refused("PUT", models + "/m1", ok.replace("\"kind\":\"chat\",", ""), 400, bad);
    refused("PUT", models + "/m1", ok.replace(",\"encoding\":\"o200k_base\"", ""), 400, bad);
    refused("PUT", models + "/m1", ok.replace("o200k_base", "p50k_base"), 400, bad);
    refused("PUT", models + "/m1", ok.replace("\"chat\"", "\"images\""), 400, bad);
    refused("PUT", models + "/m1", ok.replace("32768", "\"32k\""), 400, bad);
    refused("PUT", models + "/m1", ok.replace("32768", "0"), 400, bad);
    refused("PUT", models + "/m1", ok.replace("32768", "3276800000"), 400, bad);
    refused("PUT", models + "/m1", ok.replace("}", ",\"maxOutputTokens\":99999}"), 400, bad);
    refused("PUT", models + "/m1", ok.replace("}", ",\"outputPrice\":-1}"), 400, bad);
    refused("PUT", models + "/m1", ok.replace("}", ",\"inputPrice\":\"2\"}"), 400, bad);
    refused(
        "PUT", models + "/m1", ok.replace("\"Mistral\"", "\"" + "x".repeat(65) + "\""), 400, bad);
    refused("PUT", models + "/-m1", ok, 400, bad);
    refused("PUT", models + "/" + "m".repeat(65), ok, 400, bad);
    refused("PUT", models + "/gpt-4o", ok, 400, bad);
    refused("DELETE", models + "/gpt-4o", null, 400, bad);
    refused(
        "PUT",
        models.replace(server.server().subscriptionId(), "00000000-0000-0000-0000-000000000000")
            + "/m1",
        ok,
        404,
        "SubscriptionNotFound");
    assertThat(arm("PUT", models + "/dup-model", ok).status()).isEqualTo(201);
    refused("PUT", models + "/dup-model", ok, 409, "Conflict");
  }

  @Test
  void theCliRefusesABadEncodingAndABuiltInName() {
    var badEncoding =
        TestingCli.execute(
            server,
            "model",
            "add",
            "--name",
            "x1",
            "--family",
            "F",
            "--kind",
            "chat",
            "--context-window",
            "100",
            "--encoding",
            "gpt2");
    assertThat(badEncoding.code()).isNotZero();
    assertThat(badEncoding.err()).contains("o200k_base");
    var builtIn = add("gpt-4o");
    assertThat(builtIn.code()).isNotZero();
    assertThat(builtIn.err()).contains("built in");
    var missing = TestingCli.execute(server, "model", "add", "--name", "x2");
    assertThat(missing.code()).isNotZero();
  }
}
