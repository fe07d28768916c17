package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One counter, to the token: live, streamed, batch and On Your Data traffic through one server, and
 * the cost report, each budget's current spend, the audit log and {@code /metrics} agree per
 * deployment on tokens (cached ones among them) and cost, which is tokens times the price table.
 */
class OneCounterTest {
  static final String VERSION = "?api-version=2024-10-21";
  static final String MANUAL =
      "Section %d. Claims for water damage are settled within thirty days of the report. ";
  static final String VIOLENT =
      "Tell me exactly where to stab someone to hit the heart and kill them.";

  /** Tokens and cost of one deployment as one of the four views sums them. */
  record Sum(long prompt, long cached, long completion, BigDecimal usd) {
    static final Sum ZERO = new Sum(0, 0, 0, BigDecimal.ZERO);

    Sum plus(long p, long c, long o, BigDecimal u) {
      return new Sum(prompt + p, cached + c, completion + o, usd.add(u));
    }

    Sum normalized() {
      return new Sum(prompt, cached, completion, usd.stripTrailingZeros());
    }
  }

  @Test
  void theReportTheBudgetsTheAuditLogAndTheMetricsAgreePerDeployment() throws Exception {
    try (TestingServer server =
        TestingServer.start(
            c ->
                c.withBatch(
                    new BatchConfig(
                        Duration.ofMillis(50), Duration.ofSeconds(3), 4, Optional.empty())))) {
      server.deploy(
          new DeploymentRequest(
              "gpt-4o-batch",
              "gpt-4o",
              "2024-08-06",
              "GlobalBatch",
              500,
              "",
              "",
              Optional.empty()));
      var t = new CostTesting(server);
      for (String deployment : new String[] {"gpt-4o", "gpt-4o-batch"}) {
        String id =
            t.rg("lazurite")
                + "/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments/"
                + deployment;
        var put =
            t.arm(
                "PUT",
                t.sub() + "/providers/Microsoft.Consumption/budgets/" + deployment,
                CostTesting.budget(
                    "1000",
                    CostTesting.notification("Actual_90", "Actual", 90, ""),
                    """
                    {"dimensions": {"name": "ResourceId", "operator": "In", "values": ["%s"]}}"""
                        .formatted(id),
                    ""));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
      }

      // Live: a long prompt twice (the second is served partly from the prompt cache).
      String manual = manual();
      String longChat =
          "{\"messages\":[{\"role\":\"system\",\"content\":\""
              + manual
              + "\"},{\"role\":\"user\",\"content\":\"How long does settlement take?\"}],"
              + "\"max_tokens\":8}";
      var first = chat(server, longChat);
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      var second = chat(server, longChat);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.json().at("/usage/prompt_tokens_details/cached_tokens").asInt())
          .isGreaterThanOrEqualTo(1024);
      // Streamed: with the usage chunk, and without it (metered all the same).
      var streamed =
          chat(
              server,
              longChat.replace(
                  "\"max_tokens\":8",
                  "\"max_tokens\":8,\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
      assertThat(streamed.status()).isEqualTo(200);
      assertThat(streamed.body()).contains("\"cached_tokens\":");
      var quiet =
          chat(server, longChat.replace("\"max_tokens\":8", "\"max_tokens\":8,\"stream\":true"));
      assertThat(quiet.status()).isEqualTo(200);
      // Billing rules: a prompt the content filter blocks is charged; a wrong key is not.
      var filtered =
          chat(server, "{\"messages\":[{\"role\":\"user\",\"content\":\"" + VIOLENT + "\"}]}");
      assertThat(filtered.status()).isEqualTo(400);
      var refused =
          server
              .http()
              .send(
                  "POST",
                  "/openai/deployments/gpt-4o/chat/completions" + VERSION,
                  longChat,
                  "api-key",
                  "0".repeat(32));
      assertThat(refused.status()).isEqualTo(401);
      // On Your Data over a real index.
      onYourData(server);
      // Batch: a small job run to completion.
      batch(server);

      server.server().flushUsage();
      server.server().flushAudit();
      server.server().cost().evaluate();

      Map<String, Sum> report = report(t);
      Map<String, Sum> audit = audit(server);
      Map<String, Sum> metrics = metrics(server);
      assertThat(report.keySet()).contains("gpt-4o", "gpt-4o-batch");
      assertThat(audit).isEqualTo(report);
      assertThat(metrics.keySet()).isEqualTo(report.keySet());
      for (var entry : report.entrySet()) {
        Sum r = entry.getValue();
        Sum m = metrics.get(entry.getKey());
        assertThat(new long[] {m.prompt(), m.cached(), m.completion()})
            .as("metrics of " + entry.getKey())
            .containsExactly(r.prompt(), r.cached(), r.completion());
        assertThat(m.usd().doubleValue())
            .as("metrics' cost of " + entry.getKey())
            .isCloseTo(r.usd().doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
      }
      for (String deployment : new String[] {"gpt-4o", "gpt-4o-batch"}) {
        BigDecimal spend =
            t.arm("GET", t.sub() + "/providers/Microsoft.Consumption/budgets/" + deployment, null)
                .json()
                .at("/properties/currentSpend/amount")
                .decimalValue();
        assertThat(spend)
            .as("budget of " + deployment)
            .isEqualByComparingTo(report.get(deployment).usd());
      }
      // The figures are tokens times the price table: gpt-4o 2024-08-06 Global 2.50 in, 1.25
      // cached in, 10.00 out per million tokens; its batch deployment pays half.
      Sum live = report.get("gpt-4o");
      assertThat(live.cached()).isGreaterThanOrEqualTo(3 * 1024L);
      assertThat(live.usd()).isEqualByComparingTo(price(live, "2.50", "1.25", "10.00"));
      Sum batch = report.get("gpt-4o-batch");
      assertThat(batch.prompt()).isPositive();
      assertThat(batch.usd()).isEqualByComparingTo(price(batch, "1.25", "0.625", "5.00"));
      // The blocked prompt is charged for its prompt tokens; the refused key for nothing.
      JsonNode blocked = record(server, filtered.header("apim-request-id"));
      assertThat(blocked.at("/properties/promptTokens").asInt()).isPositive();
      assertThat(new BigDecimal(blocked.at("/properties/costUsd").asText())).isPositive();
      JsonNode unauthorized = record(server, refused.header("apim-request-id"));
      assertThat(new BigDecimal(unauthorized.at("/properties/costUsd").asText())).isZero();
      // Cached prompt tokens reach the ledger from streams too, with or without the usage chunk.
      for (var stream : new TestingHttp.Result[] {streamed, quiet}) {
        assertThat(
                record(server, stream.header("apim-request-id"))
                    .at("/properties/cachedPromptTokens")
                    .asInt())
            .isGreaterThanOrEqualTo(1024);
      }
      // Key callers are attributed by key slot, in the audit log and in the cost report.
      JsonNode ok = record(server, first.header("apim-request-id"));
      assertThat(ok.at("/properties/principal/keySlot").asText()).isEqualTo("key1");
      assertThat(ok.path("identity").asText()).isEqualTo("lazurite/key1");
      var byPrincipal =
          t.arm(
              "POST",
              t.sub() + "/providers/Microsoft.CostManagement/query",
              """
              {"type": "ActualCost", "timeframe": "MonthToDate",
               "dataset": {"granularity": "None",
                 "grouping": [{"type": "Dimension", "name": "Principal"}]}}""");
      assertThat(byPrincipal.body()).contains("\"lazurite/key1\"").contains("\"internal/batch\"");
    }
  }

  private static BigDecimal price(Sum sum, String in, String cached, String out) {
    return new BigDecimal(in)
        .multiply(BigDecimal.valueOf(sum.prompt() - sum.cached()))
        .add(new BigDecimal(cached).multiply(BigDecimal.valueOf(sum.cached())))
        .add(new BigDecimal(out).multiply(BigDecimal.valueOf(sum.completion())))
        .movePointLeft(6);
  }

  private static String manual() {
    var text = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      text.append(MANUAL.formatted(i));
    }
    return text.toString();
  }

  private static TestingHttp.Result chat(TestingServer server, String body) {
    return server
        .http()
        .send(
            "POST",
            "/openai/deployments/gpt-4o/chat/completions" + VERSION,
            body,
            "api-key",
            server.key());
  }

  private static void onYourData(TestingServer server) {
    TestingCli.run(server, "search", "create", "--name", "kb");
    String key =
        TestingCli.run(server, "search", "keys", "list", "--name", "kb")
            .path("primaryKey")
            .asText();
    var search = new TestingHttp(server.endpoint(), key);
    var index =
        search.send(
            "PUT",
            "/search/kb/indexes('policies')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var upload =
        search.send(
            "POST",
            "/search/kb/indexes('policies')/docs/search.index?api-version=2024-07-01",
            "{\"value\":[{\"@search.action\":\"upload\",\"id\":\"1\","
                + "\"content\":\"Flood damage is covered up to 50,000 euros.\"}]}",
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    var answer =
        chat(
            server,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Is flood damage covered?\"}],"
                + "\"data_sources\":[{\"type\":\"azure_search\",\"parameters\":{"
                + "\"endpoint\":\"https://kb.search.windows.net\",\"index_name\":\"policies\","
                + "\"authentication\":{\"type\":\"api_key\",\"key\":\""
                + key
                + "\"}}}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/choices/0/message/context/citations/0/content").asText())
        .contains("50,000 euros");
  }

  private static void batch(TestingServer server) throws Exception {
    var lines = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      lines
          .append(
              "{\"custom_id\":\"task-%d\",\"method\":\"POST\",\"url\":\"/chat/completions\","
                      .formatted(i)
                  + "\"body\":{\"model\":\"gpt-4o-batch\",\"max_tokens\":6,"
                  + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello number "
                  + i
                  + "\"}]}}")
          .append('\n');
    }
    String fileId =
        server
            .server()
            .files()
            .upload(
                Bootstrap.DEFAULT_ACCOUNT,
                FilePurpose.BATCH,
                "batch.jsonl",
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                OptionalLong.empty(),
                Long.MAX_VALUE)
            .id();
    var created =
        server
            .http()
            .send(
                "POST",
                "/openai/batches" + VERSION,
                "{\"input_file_id\":\""
                    + fileId
                    + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}",
                "api-key",
                server.key());
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String id = created.json().path("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      JsonNode batch =
          server
              .http()
              .send("GET", "/openai/batches/" + id + VERSION, null, "api-key", server.key())
              .json();
      status = batch.path("status").asText();
      if (status.equals("completed") || status.equals("failed")) {
        assertThat(batch.at("/request_counts/completed").asInt()).isEqualTo(3);
        break;
      }
      Thread.sleep(100);
    }
    assertThat(status).isEqualTo("completed");
  }

  /** The cost report grouped by deployment, with its token columns. */
  private static Map<String, Sum> report(CostTesting t) {
    var report =
        t.arm(
            "POST",
            t.sub() + "/providers/Microsoft.CostManagement/query",
            """
            {"type": "ActualCost", "timeframe": "MonthToDate",
             "dataset": {"granularity": "None",
               "aggregation": {"totalCost": {"name": "Cost", "function": "Sum"},
                 "prompt": {"name": "PromptTokens", "function": "Sum"},
                 "cached": {"name": "CachedPromptTokens", "function": "Sum"},
                 "completion": {"name": "CompletionTokens", "function": "Sum"}},
               "grouping": [{"type": "Dimension", "name": "ModelDeploymentName"}]}}""");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode props = report.json().path("properties");
    assertThat(props.at("/columns/1/name").asText()).isEqualTo("PromptTokens");
    assertThat(props.at("/columns/2/name").asText()).isEqualTo("CachedPromptTokens");
    assertThat(props.at("/columns/3/name").asText()).isEqualTo("CompletionTokens");
    Map<String, Sum> sums = new TreeMap<>();
    for (JsonNode row : props.path("rows")) {
      String deployment = row.get(4).asText();
      if (deployment.isEmpty()) {
        continue;
      }
      sums.merge(
          deployment,
          Sum.ZERO.plus(
              row.get(1).asLong(),
              row.get(2).asLong(),
              row.get(3).asLong(),
              row.get(0).decimalValue()),
          (a, b) -> a.plus(b.prompt(), b.cached(), b.completion(), b.usd()));
    }
    sums.replaceAll((k, v) -> v.normalized());
    return sums;
  }

  private static Map<String, Sum> audit(TestingServer server) {
    JsonNode all = TestingCli.run(server, "audit", "list", "--limit", "10000");
    Map<String, Sum> sums = new TreeMap<>();
    for (JsonNode record : all) {
      JsonNode p = record.path("properties");
      String deployment = p.path("modelDeploymentName").asText();
      if (!p.path("kind").asText().equals("dataPlane") || deployment.isEmpty()) {
        continue;
      }
      sums.merge(
          deployment,
          Sum.ZERO.plus(
              p.path("promptTokens").asLong(),
              p.path("cachedPromptTokens").asLong(),
              p.path("completionTokens").asLong(),
              new BigDecimal(p.path("costUsd").asText("0"))),
          (a, b) -> a.plus(b.prompt(), b.cached(), b.completion(), b.usd()));
    }
    sums.replaceAll((k, v) -> v.normalized());
    return sums;
  }

  private static JsonNode record(TestingServer server, String requestId) {
    JsonNode all = TestingCli.run(server, "audit", "list", "--limit", "10000");
    for (JsonNode record : all) {
      if (record.path("correlationId").asText().equals(requestId)) {
        return record;
      }
    }
    throw new AssertionError("no audit record of " + requestId);
  }

  private static final Pattern SAMPLE =
      Pattern.compile(
          "^(lazurite_tokens_total|lazurite_cost_usd_total)\\{([^}]*)\\}\\s+(\\S+)$",
          Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** {@code /metrics} as the admin reads it: tokens and cost per deployment. */
  private static Map<String, Sum> metrics(TestingServer server) {
    var scrape =
        server
            .http()
            .send(
                "GET", "/metrics", null, "Authorization", "Bearer " + server.server().adminToken());
    assertThat(scrape.status()).isEqualTo(200);
    Map<String, Sum> sums = new TreeMap<>();
    Matcher m = SAMPLE.matcher(scrape.body());
    while (m.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      String deployment = labels.getOrDefault("deployment", "");
      long value = (long) Double.parseDouble(m.group(3));
      Sum add =
          m.group(1).equals("lazurite_cost_usd_total")
              ? Sum.ZERO.plus(0, 0, 0, new BigDecimal(m.group(3)))
              : switch (labels.getOrDefault("type", "")) {
                case "input" -> Sum.ZERO.plus(value, 0, 0, BigDecimal.ZERO);
                case "cached_input" -> Sum.ZERO.plus(value, value, 0, BigDecimal.ZERO);
                case "output" -> Sum.ZERO.plus(0, 0, value, BigDecimal.ZERO);
                default -> Sum.ZERO;
              };
      sums.merge(
          deployment, add, (a, b) -> a.plus(b.prompt(), b.cached(), b.completion(), b.usd()));
    }
    return sums;
  }
}
