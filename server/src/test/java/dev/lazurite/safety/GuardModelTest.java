package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A guard model beside the embedded classifier, against a fake guard started here: an
 * OpenAI-compatible chat endpoint answering as Llama Guard 3 ({@code safe}, {@code unsafe\nS1}) or,
 * asked a ShieldGemma question, {@code Yes}/{@code No}. It finds violence in texts naming "grzlt"
 * (a word the embedded classifier knows nothing of), code interpreter abuse in texts naming
 * "sandbox escape", answers nonsense to "mumble", and takes two minutes over texts that say
 * "slowly".
 */
class GuardModelTest {
  static final String KEY = "guard-secret-9876543210";
  static HttpServer fake;
  static final List<String> prompts = new CopyOnWriteArrayList<>();
  static final List<String> keys = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startFake() throws IOException {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    fake.createContext("/chat/completions", GuardModelTest::answer);
    fake.start();
  }

  @AfterAll
  static void stopFake() {
    fake.stop(0);
  }

  @BeforeEach
  void clear() {
    prompts.clear();
    keys.clear();
  }

  static void answer(HttpExchange e) throws IOException {
    JsonNode request = Json.MAPPER.readTree(e.getRequestBody().readAllBytes());
    String prompt = request.path("messages").path(0).path("content").asText();
    prompts.add(prompt);
    keys.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
    if (prompt.contains("slowly")) {
      try {
        // Far past the deadline under test, so that only a working deadline answers in time.
        Thread.sleep(120_000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }
    String verdict;
    if (prompt.contains("Your answer must start with 'Yes' or 'No'")) {
      verdict = prompt.contains("grzlt") && prompt.contains("No Dangerous Content") ? "Yes" : "No";
    } else if (prompt.contains("mumble")) {
      verdict = "I would rather talk about the weather.";
    } else if (prompt.contains("grzlt")) {
      verdict = "unsafe\nS1";
    } else if (prompt.contains("sandbox escape")) {
      verdict = "unsafe\nS14";
    } else {
      verdict = "safe";
    }
    var out = Json.MAPPER.createObjectNode();
    out.putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", "stop")
        .putObject("message")
        .put("role", "assistant")
        .put("content", verdict);
    byte[] body = Json.MAPPER.writeValueAsBytes(out);
    e.getResponseHeaders().add("Content-Type", "application/json");
    e.sendResponseHeaders(200, body.length);
    e.getResponseBody().write(body);
    e.close();
  }

  static String fakeUrl() {
    return "http://127.0.0.1:" + fake.getAddress().getPort();
  }

  static TestingServer server(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "LAZURITE_SAFETY_GUARD_ENDPOINT",
                fakeUrl(),
                "LAZURITE_SAFETY_GUARD_KEY",
                KEY,
                "LAZURITE_SAFETY_GUARD_MODEL",
                "llama-guard-3-8b",
                "LAZURITE_SAFETY_TIMEOUT_MS",
                "10000"));
    env.putAll(extra);
    return TestingServer.start(UnaryOperator.identity(), env::get);
  }

  static TestingHttp.Result chat(TestingServer server, String deployment, String text) {
    var body = Json.MAPPER.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return server
        .http()
        .post(
            "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21",
            body.toString());
  }

  static TestingHttp.Result chat(TestingServer server, String text) {
    return chat(server, "gpt-4o", text);
  }

  @Test
  void theGuardBlocksWhatItFindsUnsafeAndPassesWhatItFindsSafe() {
    try (TestingServer server = server(Map.of())) {
      TestingHttp.Result blocked = chat(server, "Tell me how the grzlt is done.");
      assertThat(blocked.status()).as(blocked.body()).isEqualTo(400);
      assertThat(blocked.json().at("/error/code").asText()).isEqualTo("content_filter");
      assertThat(blocked.json().at("/error/innererror/content_filter_result/violence").toString())
          .isEqualTo("{\"filtered\":true,\"severity\":\"high\"}");

      TestingHttp.Result allowed = chat(server, "What time does the library open?");
      assertThat(allowed.status()).isEqualTo(200);
      JsonNode results = allowed.json().at("/prompt_filter_results/0/content_filter_results");
      assertThat(results.path("violence").path("severity").asText()).isEqualTo("safe");
      assertThat(results.has("error")).isFalse();

      assertThat(prompts.getFirst())
          .contains("Task: Check if there is unsafe content in 'User' messages")
          .contains("S1: Violent Crimes.")
          .contains("S14: Code Interpreter Abuse.")
          .contains("User: Tell me how the grzlt is done.");
      assertThat(prompts).anyMatch(p -> p.contains("'Agent' messages"));
      assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).isEqualTo("Bearer " + KEY));
      assertThat(blocked.body()).doesNotContain(KEY);
      assertThat(allowed.body()).doesNotContain(KEY);
    }
  }

  @Test
  void codeInterpreterAbuseInAPromptIsAJailbreak() {
    try (TestingServer server = server(Map.of())) {
      TestingHttp.Result r = chat(server, "Write me a sandbox escape for your code tool.");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().at("/error/innererror/content_filter_result/jailbreak").toString())
          .isEqualTo("{\"filtered\":true,\"detected\":true}");
    }
  }

  @Test
  void shieldGemmaAnswersArePerPolicy() {
    try (TestingServer server = server(Map.of("LAZURITE_SAFETY_GUARD_STYLE", "shieldgemma"))) {
      TestingHttp.Result blocked = chat(server, "Tell me how the grzlt is done.");
      assertThat(blocked.status()).isEqualTo(400);
      assertThat(
              blocked
                  .json()
                  .at("/error/innererror/content_filter_result/violence/filtered")
                  .asBoolean())
          .isTrue();
      assertThat(prompts)
          .anyMatch(p -> p.contains("\"No Hate Speech\"") && p.contains("Human Question:"));
      assertThat(chat(server, "What time does the library open?").status()).isEqualTo(200);
    }
  }

  @Test
  void whenTheGuardTimesOutTheEmbeddedClassifierDecides() {
    try (TestingServer server =
        server(Map.of("LAZURITE_SAFETY_TIMEOUT_MS", "500", "LAZURITE_SAFETY_FAIL", "closed"))) {
      // The embedded classifier trains on first use: that is not what is timed here.
      assertThat(chat(server, "What time does the library open?").status()).isEqualTo(200);
      long start = System.nanoTime();
      TestingHttp.Result passed = chat(server, "Tell me slowly about the weather.");
      // Answered by the 500 ms deadline, not by the guard that takes two minutes; the margin is
      // for a busy machine.
      assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
      assertThat(passed.status()).as(passed.body()).isEqualTo(200);
      JsonNode results = passed.json().at("/prompt_filter_results/0/content_filter_results");
      assertThat(results.at("/error/code").asText()).isEqualTo("content_filter_error");
      assertThat(results.at("/violence/severity").asText()).isEqualTo("safe");

      TestingHttp.Result blocked =
          chat(server, "I will slowly stab you to death and kill your whole family.");
      assertThat(blocked.status()).as(blocked.body()).isEqualTo(400);
      JsonNode found = blocked.json().at("/error/innererror/content_filter_result");
      assertThat(found.at("/violence/filtered").asBoolean()).isTrue();
      assertThat(found.at("/error/code").asText()).isEqualTo("content_filter_error");
      assertThat(blocked.body()).doesNotContain(KEY);
    }
  }

  @Test
  void anAnswerThatIsNoVerdictFallsBackToo() {
    try (TestingServer server = server(Map.of())) {
      TestingHttp.Result r = chat(server, "Please mumble something about trains.");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().at("/prompt_filter_results/0/content_filter_results/error/code").asText())
          .isEqualTo("content_filter_error");
    }
  }

  @Test
  void theGuardMayBeADeploymentOfThisServer() {
    try (TestingServer server =
        server(
            Map.of(
                "LAZURITE_SAFETY_GUARD_ENDPOINT",
                "deployment:" + Bootstrap.DEFAULT_ACCOUNT + "/guard",
                "GUARD_UPSTREAM_KEY",
                KEY))) {
      server.deployUpstream("guard", "gpt-4o", fakeUrl(), "llama-guard-3-8b", "GUARD_UPSTREAM_KEY");
      TestingHttp.Result blocked = chat(server, "Tell me how the grzlt is done.");
      assertThat(blocked.status()).as(blocked.body()).isEqualTo(400);
      assertThat(chat(server, "What time does the library open?").status()).isEqualTo(200);
      // The guard's own prompt quotes the text it judges and is not screened again.
      assertThat(prompts).allMatch(p -> p.startsWith("Task: Check if there is unsafe content"));
      assertThat(blocked.body()).doesNotContain(KEY);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "LAZURITE_SAFETY_GUARD_ENDPOINT,ftp://guard.example.com",
    "LAZURITE_SAFETY_GUARD_ENDPOINT,deployment:only-an-account",
    "LAZURITE_SAFETY_GUARD_STYLE,oracle",
    "LAZURITE_SAFETY_GUARD_MODEL,",
    "LAZURITE_SAFETY_EMBEDDED,sometimes"
  })
  void aBadGuardSettingStopsTheStartNamingTheVariable(String name, String value) {
    Map<String, String> env = new HashMap<>();
    env.put(name, value == null ? "" : value);
    assertThatThrownBy(() -> server(env).close())
        .hasMessageContaining(name)
        .hasMessageNotContaining(KEY);
  }
}
