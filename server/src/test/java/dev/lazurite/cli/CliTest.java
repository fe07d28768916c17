package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line against a running server, found through its data directory. */
class CliTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Run(int code, String out, String err) {
    JsonNode json() {
      return Json.read(out, JsonNode.class);
    }
  }

  static Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void createsListsShowsAndDeletesDeploymentsLikeAz() {
    Run created =
        run(
            "deployment",
            "create",
            "--deployment-name",
            "gpt-4o-prod",
            "--model-name",
            "gpt-4o",
            "--model-version",
            "2024-08-06",
            "--model-format",
            "OpenAI",
            "--sku-name",
            "GlobalStandard",
            "--sku-capacity",
            "100");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.json().at("/name").asText()).isEqualTo("gpt-4o-prod");
    assertThat(created.json().at("/sku/capacity").asInt()).isEqualTo(100);
    assertThat(created.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

    var chat =
        server
            .http()
            .post(
                "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertThat(chat.status()).as("the new deployment serves at once").isEqualTo(200);
    assertThat(chat.json().get("model").asText()).isEqualTo("gpt-4o-2024-08-06");

    Run listed = run("deployment", "list");
    assertThat(listed.json().findValuesAsText("name"))
        .contains("gpt-4o-prod", "gpt-35-turbo", "gpt-4o");
    Run shown = run("deployment", "show", "--deployment-name", "gpt-4o-prod");
    assertThat(shown.json().at("/properties/rateLimits/1/count").asInt()).isEqualTo(100_000);

    assertThat(run("deployment", "delete", "--deployment-name", "gpt-4o-prod").code()).isZero();
    assertThat(
            server
                .http()
                .post(
                    "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void regeneratesKeysAndTheOldKeyStopsWorking() {
    Run before = run("keys", "list");
    String oldKey2 = before.json().get("key2").asText();
    assertThat(oldKey2).matches("[0-9a-f]{32}");
    Run after = run("keys", "regenerate", "--key-name", "key2");
    assertThat(after.code()).isZero();
    String newKey2 = after.json().get("key2").asText();
    assertThat(newKey2).isNotEqualTo(oldKey2);
    assertThat(after.json().get("key1").asText()).isEqualTo(before.json().get("key1").asText());
    String path = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    assertThat(server.http().send("POST", path, body, "api-key", oldKey2).status()).isEqualTo(401);
    assertThat(server.http().send("POST", path, body, "api-key", newKey2).status()).isEqualTo(200);
  }

  @Test
  void reportsControlPlaneErrorsWithArmsMessage() {
    Run bad = run("deployment", "create", "--deployment-name", "x", "--model-name", "gpt-99");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("(DeploymentModelNotSupported)");
  }

  @Test
  void summarisesUsage() {
    server
        .http()
        .post(
            "/openai/deployments/gpt-35-turbo/chat/completions?api-version=2024-10-21",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":3}");
    server.server().flushUsage();
    Run usage = run("usage");
    assertThat(usage.code()).as(usage.err()).isZero();
    assertThat(usage.json().findValuesAsText("deployment")).contains("gpt-35-turbo");
  }

  @Test
  void printsWhereTheLocalCaIsAndHowToTrustIt() {
    Run cert = run("cert");
    assertThat(cert.code()).as(cert.err()).isZero();
    assertThat(cert.json().get("caCertFile").asText()).endsWith("ca.pem");
    assertThat(cert.json().at("/trust/node").asText()).startsWith("export NODE_EXTRA_CA_CERTS=");
  }
}
