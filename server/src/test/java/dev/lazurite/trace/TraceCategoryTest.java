package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Trace category end to end, turned on: every data-plane request leaves a record of its stages
 * and backend attempts, listed by {@code lazurite audit list --category Trace} and the admin route,
 * filtered as the audit records are, with the client's W3C trace id and no secret.
 */
class TraceCategoryTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start(c -> c.withAudit(c.audit().withTrace(Duration.ofHours(1))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String body() {
    var b = Json.MAPPER.createObjectNode();
    b.putArray("messages")
        .addObject()
        .put("role", "user")
        .put("content", "Write a short note for the team.");
    b.put("max_tokens", 3);
    return b.toString();
  }

  /** The Trace record of a request; it is kept as the request's ledger closes. */
  static JsonNode traceOf(String requestId, String... filters) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("audit", "list", "--category", "Trace"));
    args.addAll(List.of(filters));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      JsonNode all = TestingCli.run(server, args.toArray(String[]::new));
      for (JsonNode r : all) {
        if (r.path("correlationId").asText().equals(requestId)) {
          return r;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no Trace record for " + requestId + " in " + all);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aModelCallLeavesItsStagesAndBackendAttempts() throws Exception {
    var answer =
        server
            .http()
            .send(
                "POST",
                CHAT,
                body(),
                "api-key",
                server.key(),
                "traceparent",
                "00-" + TRACE_ID + "-b7ad6b7169203331-01");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = answer.header("apim-request-id");
    JsonNode r = traceOf(id, "--deployment", "gpt-4o", "--status", "200");
    assertThat(r.path("category").asText()).isEqualTo("Trace");
    assertThat(r.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
    assertThat(r.path("resultSignature").asText()).isEqualTo("200");
    assertThat(r.path("resourceId").asText()).endsWith("/accounts/lazurite");
    assertThat(r.path("time").asText()).isNotEmpty();
    assertThat(r.path("durationMs").isIntegralNumber()).isTrue();
    JsonNode p = r.path("properties");
    assertThat(p.path("modelDeploymentName").asText()).isEqualTo("gpt-4o");
    assertThat(p.path("streamType").asText()).isEqualTo("Non-Streaming");
    assertThat(p.path("traceId").asText()).isEqualTo(TRACE_ID);
    assertThat(p.path("stages").size()).isPositive();
    assertThat(p.path("stages").findValuesAsText("name")).doesNotHaveDuplicates();
    JsonNode attempts = p.path("backendAttempts");
    assertThat(attempts.size()).isEqualTo(1);
    assertThat(attempts.get(0).path("resultSignature").asText()).isEqualTo("200");
    assertThat(attempts.get(0).path("firstByteMs").isNumber()).isTrue();
    assertThat(r.toString()).doesNotContain(server.key());
  }

  @Test
  void aRefusedCallIsTracedToo() throws Exception {
    var answer = server.http().send("POST", CHAT, body(), "api-key", "wrong-key-0123456789");
    assertThat(answer.status()).isEqualTo(401);
    String id = answer.header("apim-request-id");
    JsonNode r = traceOf(id, "--status", "401");
    assertThat(r.path("properties").path("backendAttempts").size()).isZero();
    assertThat(r.toString()).doesNotContain("wrong-key-0123456789");
    // The other filters leave it out.
    assertThat(
            TestingCli.run(server, "audit", "list", "--category", "Trace", "--status", "200")
                .findValuesAsText("correlationId"))
        .doesNotContain(id);
    assertThat(
            TestingCli.run(
                    server, "audit", "list", "--category", "Trace", "--deployment", "elsewhere")
                .size())
        .isZero();
  }

  @Test
  void theRouteRefusesBadQueriesAndStrangers() {
    String admin = "Bearer " + server.server().adminToken();
    String base = "/lazurite/audit/records?category=Trace";
    var ok = server.http().send("GET", base + "&limit=5", null, "Authorization", admin);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    var metrics = server.http().send("GET", "/metrics", null, "Authorization", admin);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("lazurite_trace_records_dropped_total 0.0");
    var stranger = server.http().send("GET", base, null);
    assertThat(stranger.status()).isEqualTo(401);
    for (String bad : List.of("&limit=0", "&limit=abc", "&limit=10001", "&since=yesterday")) {
      var answer = server.http().send("GET", base + bad, null, "Authorization", admin);
      assertThat(answer.status()).as(bad + " " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("\"error\"");
    }
    var bogus =
        server
            .http()
            .send("GET", "/lazurite/audit/records?category=Traces", null, "Authorization", admin);
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(bogus.body()).contains("allowed: Audit, RequestResponse, Trace");
  }
}
