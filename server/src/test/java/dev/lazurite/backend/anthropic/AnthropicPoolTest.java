package dev.lazurite.backend.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingAnthropic;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anthropic backends made with the command line ({@code backend create --kind anthropic
 * --secret-stdin}), pooled: a GPT-4o deployment fails over to Claude when the operator names the
 * Claude model to call, and is refused an anthropic backend that would call Anthropic with a GPT
 * model's name. The stored key is never shown.
 */
class AnthropicPoolTest {
  static final String KEY = "sk-ant-api03-" + UUID.randomUUID();
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static TestingAnthropic upstream;
  static TestingServer server;

  @BeforeAll
  static void start() {
    upstream = TestingAnthropic.start(KEY);
    server =
        TestingServer.start(
            c -> c, name -> name.equals("LAZURITE_PROBE_INTERVAL_S") ? "3600" : null);
    createWithStdinKey(
        "claude-fallback",
        "--kind",
        "anthropic",
        "--url",
        upstream.url(),
        "--upstream-model",
        "claude-sonnet-4-5-20250929",
        "--priority",
        "2");
    createWithStdinKey("claude-own-name", "--kind", "anthropic", "--url", upstream.url());
    TestingCli.run(
        server, "backend", "create", "--name", "gpt-down", "--priority", "1", "--fault-500", "1");
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  /** {@code backend create} with the key on standard input, as an operator pipes it. */
  static void createWithStdinKey(String name, String... options) {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream((KEY + "\n").getBytes(StandardCharsets.UTF_8)));
      String[] args = new String[options.length + 5];
      args[0] = "backend";
      args[1] = "create";
      args[2] = "--name";
      args[3] = name;
      System.arraycopy(options, 0, args, 4, options.length);
      args[args.length - 1] = "--secret-stdin";
      var created = TestingCli.execute(server, args);
      assertThat(created.code()).as(created.err()).isZero();
      assertThat(created.out()).contains("anthropic").doesNotContain(KEY);
    } finally {
      System.setIn(stdin);
    }
  }

  static TestingCli.Result deployment(String name, String model, String backends) {
    return TestingCli.execute(
        server,
        "deployment",
        "create",
        "--deployment-name",
        name,
        "--model-name",
        model,
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        backends);
  }

  @Test
  void aGptDeploymentFailsOverToClaudeUnderTheClaudeModelTheOperatorNamed() {
    var created = deployment("gpt-then-claude", "gpt-4o", "gpt-down,claude-fallback");
    assertThat(created.code()).as(created.err()).isZero();
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/gpt-then-claude/chat/completions?api-version=2024-10-21",
                HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.json().at("/choices/0/message/content").asText())
        .isEqualTo("Hi! My name is Claude.");
    assertThat(upstream.last().path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(upstream.received().getLast().headers()).containsEntry("x-api-key", KEY);
  }

  @Test
  void aClaudeDeploymentCallsTheModelByItsOwnName() {
    var created = deployment("claude", "claude-haiku-4-5", "claude-own-name");
    assertThat(created.code()).as(created.err()).isZero();
    var answer =
        server
            .http()
            .post("/openai/deployments/claude/chat/completions?api-version=2024-10-21", HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(upstream.last().path("model").asText()).isEqualTo("claude-haiku-4-5-20251001");
  }

  @Test
  void anAnthropicBackendWithoutAClaudeModelIsRefusedForAGptDeployment() {
    var refused = deployment("gpt-on-anthropic", "gpt-4o", "claude-own-name");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("upstreamModel");
  }

  @Test
  void theStoredKeyIsNeverListedAndAnUnknownKindNamesAnthropic() {
    var list = TestingCli.execute(server, "backend", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("claude-fallback").doesNotContain(KEY);
    var unknown =
        TestingCli.execute(server, "backend", "create", "--name", "x", "--kind", "claude");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("anthropic");
    var badUrl =
        TestingCli.execute(
            server, "backend", "create", "--name", "x", "--kind", "anthropic", "--url", "ftp://a");
    assertThat(badUrl.code()).isNotZero();
  }

  @Test
  void theCatalogListsClaudeModelsWithTheirContextWindows() {
    var models =
        server
            .http()
            .send("GET", "/openai/models?api-version=2024-10-21", null, "api-key", server.key());
    assertThat(models.status()).as(models.body()).isEqualTo(200);
    assertThat(models.body()).contains("claude-sonnet-4-5");
  }
}
