package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chargeback by Entra group: each usage row keeps the caller's groups, and cost grouped by {@code
 * PrincipalGroup} is the price times the tokens of each group's members' calls; a caller in two
 * groups counts in both, key callers are under {@code (none)}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CostByGroupTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}],\"max_tokens\":5}";
  static TestingServer server;
  static CostTesting t;
  static String ml;
  static String web;

  /** Cost per group id, as the calls of this class add it up. */
  static final Map<String, BigDecimal> expected = new HashMap<>();

  static BigDecimal total = BigDecimal.ZERO;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    t = new CostTesting(server);
    ml =
        TestingCli.run(server, "identity", "group", "create", "--name", "ml-team")
            .get("objectId")
            .asText();
    web =
        TestingCli.run(server, "identity", "group", "create", "--name", "web-team")
            .get("objectId")
            .asText();
    for (String group : new String[] {ml, web}) {
      TestingCli.run(
          server,
          "role",
          "assignment",
          "create",
          "--assignee",
          group,
          "--role",
          "Cognitive Services OpenAI User");
    }
    alice = member("alice", ml);
    bob = member("bob", ml, web);
    // alice (ml) calls once, bob (ml and web) twice, a key caller once.
    BigDecimal a = call(alice);
    BigDecimal b = call(bob).add(call(bob));
    var key = t.chat("gpt-4o");
    assertThat(key.status()).isEqualTo(200);
    BigDecimal k = price(key.json());
    expected.put(ml, a.add(b));
    expected.put(web, b);
    expected.put(CostQuery.NO_GROUP, k);
    total = a.add(b).add(k);
    t.settle();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A service principal in {@code groups}; returns its data-plane token. */
  private static String member(String name, String... groups) {
    JsonNode sp = TestingCli.run(server, "identity", "sp", "create", "--name", name);
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    for (String group : groups) {
      TestingCli.execute(
          server, "identity", "group", "add-member", "--group", group, "--member", objectId);
    }
    String tenant = server.server().identities().issuer().tenantId();
    var result =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + sp.get("appId").asText()
                    + "&client_secret="
                    + URLEncoder.encode(sp.get("password").asText(), StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode(
                        "https://cognitiveservices.azure.com/.default", StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json().get("access_token").asText();
  }

  /** One chat with a bearer token; returns its cost from the answer's usage. */
  private static BigDecimal call(String token) {
    var answer = server.http().send("POST", CHAT, HELLO, "Authorization", "Bearer " + token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return price(answer.json());
  }

  /** gpt-4o 2024-08-06 GlobalStandard: 2.50 in, 10.00 out per million tokens. */
  private static BigDecimal price(JsonNode answer) {
    long prompt = answer.at("/usage/prompt_tokens").asLong();
    long completion = answer.at("/usage/completion_tokens").asLong();
    assertThat(prompt + completion).isPositive();
    return new BigDecimal("2.50")
        .multiply(BigDecimal.valueOf(prompt))
        .add(new BigDecimal("10.00").multiply(BigDecimal.valueOf(completion)))
        .movePointLeft(6);
  }

  private static String query(String grouping) {
    return """
        {"type": "ActualCost", "timeframe": "MonthToDate",
         "dataset": {"granularity": "None",
           "aggregation": {"totalCost": {"name": "Cost", "function": "Sum"}}%s}}"""
        .formatted(grouping);
  }

  private static JsonNode report(String grouping) {
    var report =
        t.arm("POST", t.sub() + "/providers/Microsoft.CostManagement/query", query(grouping));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    return report.json().path("properties");
  }

  @Test
  void costPerGroupIsThePriceTimesTheTokensOfItsMembersCalls() {
    JsonNode props =
        report(", \"grouping\": [{\"type\": \"Dimension\", \"name\": \"PrincipalGroup\"}]");
    assertThat(props.at("/columns/1/name").asText()).isEqualTo("PrincipalGroup");
    Map<String, BigDecimal> reported = new HashMap<>();
    for (JsonNode row : props.path("rows")) {
      reported.merge(row.get(1).asText(), row.get(0).decimalValue(), BigDecimal::add);
    }
    assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (group, usd) -> assertThat(reported.get(group)).as(group).isEqualByComparingTo(usd));
    // bob's calls count in both of his groups: the group rows sum to more than the total.
    BigDecimal ungrouped = report("").at("/rows/0/0").decimalValue();
    assertThat(ungrouped).isEqualByComparingTo(total);
    assertThat(reported.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total.add(expected.get(web)));
  }

  @Test
  void groupsCombineWithAnotherDimension() {
    JsonNode props =
        report(
            ", \"grouping\": [{\"type\": \"Dimension\", \"name\": \"group\"},"
                + " {\"type\": \"Dimension\", \"name\": \"ModelDeploymentName\"}]");
    for (JsonNode row : props.path("rows")) {
      assertThat(row.get(2).asText()).isEqualTo("gpt-4o");
      assertThat(row.get(0).decimalValue()).isEqualByComparingTo(expected.get(row.get(1).asText()));
    }
    assertThat(props.path("rows")).hasSize(3);
  }

  @Test
  void aGroupFilterCountsOnlyItsMembersCallsAndShowsOnlyItsGroups() {
    String filter =
        ", \"filter\": {\"dimensions\": {\"name\": \"PrincipalGroup\", \"operator\": \"In\","
            + " \"values\": [\""
            + web.toUpperCase(java.util.Locale.ROOT)
            + "\"]}}";
    JsonNode grouped =
        report(
            ", \"grouping\": [{\"type\": \"Dimension\", \"name\": \"PrincipalGroup\"}]" + filter);
    assertThat(grouped.path("rows")).hasSize(1);
    assertThat(grouped.at("/rows/0/1").asText()).isEqualTo(web);
    assertThat(grouped.at("/rows/0/0").decimalValue()).isEqualByComparingTo(expected.get(web));
    assertThat(report(filter).at("/rows/0/0").decimalValue())
        .isEqualByComparingTo(expected.get(web));

    String budget =
        CostTesting.budget(
            "100",
            CostTesting.notification("half", "Actual", 50, ""),
            "{\"dimensions\": {\"name\": \"PrincipalGroup\", \"operator\": \"In\","
                + " \"values\": [\""
                + ml
                + "\"]}}",
            "");
    String path = t.sub() + "/providers/Microsoft.Consumption/budgets/ml-team";
    var put = t.arm("PUT", path, budget);
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    assertThat(t.arm("GET", path, null).json().at("/properties/currentSpend/amount").decimalValue())
        .isEqualByComparingTo(expected.get(ml));
  }

  /** Last: it adds calls the other tests do not count. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aHardCapOnAGroupBlocksItsMembersOnly() {
    String budget =
        CostTesting.budget(
            "0.000001",
            CostTesting.notification("all", "Actual", 100, ""),
            "{\"dimensions\": {\"name\": \"PrincipalGroup\", \"operator\": \"In\","
                + " \"values\": [\""
                + web
                + "\"]}}",
            "block");
    var put = t.arm("PUT", t.sub() + "/providers/Microsoft.Consumption/budgets/web-cap", budget);
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    t.settle();
    var blocked = server.http().send("POST", CHAT, HELLO, "Authorization", "Bearer " + bob);
    assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
    assertThat(blocked.json().at("/error/code").asText()).isEqualTo("BudgetExceeded");
    call(alice);
    assertThat(t.chat("gpt-4o").status()).isEqualTo(200);
  }

  @Test
  void theCommandLineGroupsByGroup() {
    JsonNode rows =
        TestingCli.run(
            server, "cost", "query", "--group-by", "group", "--granularity", "none", "-o", "json");
    assertThat(rows).hasSize(3);
    for (JsonNode row : rows) {
      assertThat(row.path("Cost").decimalValue())
          .isEqualByComparingTo(expected.get(row.path("PrincipalGroup").asText()));
    }
  }

  @Test
  void anUnknownGroupingIsRefusedInTheArmEnvelope() {
    for (String name : new String[] {"EntraGroupz", "", "groups"}) {
      var refused =
          t.arm(
              "POST",
              t.sub() + "/providers/Microsoft.CostManagement/query",
              query(", \"grouping\": [{\"type\": \"Dimension\", \"name\": \"" + name + "\"}]"));
      assertThat(refused.status()).as(name).isEqualTo(400);
      assertThat(refused.json().at("/error/code").asText()).isNotEmpty();
      assertThat(refused.json().at("/error/message").asText()).isNotEmpty();
    }
    var mistyped =
        t.arm(
            "POST",
            t.sub() + "/providers/Microsoft.CostManagement/query",
            query(", \"grouping\": [{\"type\": \"Dimension\", \"name\": 7}]"));
    assertThat(mistyped.status()).isEqualTo(400);
    var unknownFlag =
        TestingCli.execute(server, "cost", "query", "--group-by", "team", "--granularity", "none");
    assertThat(unknownFlag.code()).isNotZero();
    assertThat(unknownFlag.err()).contains("group");
  }
}
