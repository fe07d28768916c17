package dev.lazurite.backend.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingGemini;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gemini backends made with the command line ({@code backend create --kind gemini --secret-stdin}),
 * pooled: a GPT-4o deployment fails over to Gemini when the operator names the Gemini model to
 * call, and is refused a gemini backend that would call Gemini with a GPT model's name. The stored
 * key is never shown.
 */
class GeminiPoolTest {
  static final String KEY = "AIzaSy" + UUID.randomUUID().toString().replace("-", "");
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static TestingGemini upstream;
  static TestingServer server;

  @BeforeAll
  static void start() {
    upstream = TestingGemini.start(KEY);
    server =
        TestingServer.start(
            c -> c, name -> name.equals("LAZURITE_PROBE_INTERVAL_S") ? "3600" : null);
    createWithStdinKey(
        "gemini-fallback",
        "--kind",
        "gemini",
        "--url",
        upstream.url(),
        "--upstream-model",
        "gemini-2.5-pro",
        "--priority",
        "2");
    createWithStdinKey("gemini-own-name", "--kind", "gemini", "--url", upstream.url());
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
      assertThat(created.out()).contains("gemini").doesNotContain(KEY);
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
  void aGptDeploymentFailsOverToGeminiUnderTheGeminiModelTheOperatorNamed() {
    var created = deployment("gpt-then-gemini", "gpt-4o", "gpt-down,gemini-fallback");
    assertThat(created.code()).as(created.err()).isZero();
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/gpt-then-gemini/chat/completions?api-version=2024-10-21",
                HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.json().at("/choices/0/message/content").asText())
        .startsWith("AI learns patterns");
    assertThat(upstream.last().path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
    assertThat(upstream.last().key()).isEqualTo(KEY);
  }

  @Test
  void aGeminiDeploymentCallsTheModelByItsOwnName() {
    var created = deployment("gemini", "gemini-2.0-flash", "gemini-own-name");
    assertThat(created.code()).as(created.err()).isZero();
    var answer =
        server
            .http()
            .post("/openai/deployments/gemini/chat/completions?api-version=2024-10-21", HELLO);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(upstream.last().path())
        .isEqualTo("/v1beta/models/gemini-2.0-flash-001:generateContent");
  }

  @Test
  void aGeminiBackendWithoutAGeminiModelIsRefusedForAGptDeployment() {
    var refused = deployment("gpt-on-gemini", "gpt-4o", "gemini-own-name");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("upstreamModel").contains("Gemini");
  }

  @Test
  void theStoredKeyIsNeverListedAndAnUnknownKindNamesGemini() {
    var list = TestingCli.execute(server, "backend", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("gemini-fallback").doesNotContain(KEY);
    var unknown =
        TestingCli.execute(server, "backend", "create", "--name", "x", "--kind", "google");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("gemini");
    var badUrl =
        TestingCli.execute(
            server, "backend", "create", "--name", "x", "--kind", "gemini", "--url", "ftp://a");
    assertThat(badUrl.code()).isNotZero();
  }

  @Test
  void theCatalogListsGeminiModels() {
    var models =
        server
            .http()
            .send("GET", "/openai/models?api-version=2024-10-21", null, "api-key", server.key());
    assertThat(models.status()).as(models.body()).isEqualTo(200);
    assertThat(models.body()).contains("gemini-2.5-pro").contains("gemini-embedding-001");
  }
}
