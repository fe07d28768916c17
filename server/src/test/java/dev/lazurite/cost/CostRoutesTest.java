package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One counter: a model call's cost is its tokens times the price table, the Cost Management query
 * reports it, and a budget's current spend and hard cap count the same amount.
 */
class CostRoutesTest {
  static TestingServer server;
  static CostTesting t;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    t = new CostTesting(server);
    server.deploy(
        new DeploymentRequest(
            "capped",
            "gpt-4o-mini",
            "2024-07-18",
            "DataZoneStandard",
            10,
            "",
            "",
            Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String query(String groupBy) {
    return """
        {"type": "ActualCost", "timeframe": "MonthToDate",
         "dataset": {"granularity": "Daily",
           "aggregation": {"totalCost": {"name": "Cost", "function": "Sum"}},
           "grouping": [{"type": "Dimension", "name": "%s"}]}}"""
        .formatted(groupBy);
  }

  private static BigDecimal costOf(JsonNode rows, String deployment) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : rows) {
      if (row.get(2).asText().equals(deployment)) {
        sum = sum.add(row.get(0).decimalValue());
      }
    }
    return sum;
  }

  @Test
  void theQueryReportsTokensTimesThePriceExactly() {
    var answer = t.chat("gpt-4o");
    assertThat(answer.status()).isEqualTo(200);
    long prompt = answer.json().at("/usage/prompt_tokens").asLong();
    long completion = answer.json().at("/usage/completion_tokens").asLong();
    t.settle();
    var report =
        t.arm(
            "POST",
            t.sub() + "/providers/Microsoft.CostManagement/query",
            query("ModelDeploymentName"));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode props = report.json().path("properties");
    assertThat(props.at("/columns/0/name").asText()).isEqualTo("Cost");
    assertThat(props.at("/columns/1/name").asText()).isEqualTo("UsageDate");
    assertThat(props.at("/columns/2/name").asText()).isEqualTo("ModelDeploymentName");
    assertThat(props.at("/columns/3/name").asText()).isEqualTo("Currency");
    // gpt-4o 2024-08-06 GlobalStandard: 2.50 in, 10.00 out per million tokens.
    BigDecimal expected =
        new BigDecimal("2.50")
            .multiply(BigDecimal.valueOf(prompt))
            .add(new BigDecimal("10.00").multiply(BigDecimal.valueOf(completion)))
            .movePointLeft(6);
    // Other tests of this class may have called gpt-4o too; the total is a multiple of calls.
    BigDecimal reported = costOf(props.path("rows"), "gpt-4o");
    assertThat(reported.remainder(expected)).isEqualByComparingTo("0");
    assertThat(reported.signum()).isPositive();
  }

  @Test
  void pricesAreListedAndSet() {
    var list = t.arm("GET", t.sub() + "/providers/Lazurite.Cost/prices", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"gpt-4o-mini\"").contains("\"asOf\":\"2025-12-01\"");
    var set =
        t.arm(
            "POST",
            t.sub() + "/providers/Lazurite.Cost/prices",
            """
            {"model": "my-model", "version": "1", "deploymentType": "Regional",
             "input": 1.5, "output": 3.123456}""");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().path("cachedInput").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(t.arm("GET", t.sub() + "/providers/Lazurite.Cost/prices", null).body())
        .contains("\"my-model\"");
  }

  @Test
  void aBudgetRoundTripsWithItsCurrentSpend() {
    String path = t.rg("lazurite") + "/providers/Microsoft.Consumption/budgets/team-a";
    String body =
        CostTesting.budget(
            "100.65",
            CostTesting.notification("Actual_GreaterThan_80_Percent", "Actual", 80, ""),
            """
            {"and": [{"dimensions": {"name": "ResourceGroupName", "operator": "In", "values": ["lazurite"]}},
                     {"tags": {"name": "team", "operator": "In", "values": ["a", "b"]}}]}""",
            "");
    var created = t.arm("PUT", path, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode json = created.json();
    assertThat(json.path("type").asText()).isEqualTo("Microsoft.Consumption/budgets");
    assertThat(json.path("eTag").asText()).startsWith("\"");
    assertThat(json.at("/properties/amount").decimalValue()).isEqualByComparingTo("100.65");
    assertThat(json.at("/properties/currentSpend/unit").asText()).isEqualTo("USD");
    assertThat(
            json.at("/properties/notifications/Actual_GreaterThan_80_Percent/contactEmails/0")
                .asText())
        .isEqualTo("finops@contoso.com");
    assertThat(json.at("/properties/filter/and/1/tags/values/1").asText()).isEqualTo("b");
    assertThat(t.arm("GET", path, null).json().path("eTag").asText())
        .isEqualTo(json.path("eTag").asText());
    assertThat(
            t.arm("GET", t.rg("lazurite") + "/providers/Microsoft.Consumption/budgets", null)
                .body())
        .contains("team-a");
    assertThat(t.arm("GET", t.sub() + "/providers/Microsoft.Consumption/budgets", null).body())
        .as("a resource group's budget is not a subscription's")
        .doesNotContain("team-a");
    // A stale eTag is refused; the current one updates.
    String stale = withEtag(body, "\"\\\"0000\\\"\"");
    assertThat(t.arm("PUT", path, stale).status()).isEqualTo(409);
    String current = withEtag(body, json.path("eTag").toString());
    assertThat(t.arm("PUT", path, current).status()).isEqualTo(200);
    assertThat(t.arm("DELETE", path, null).status()).isEqualTo(200);
    assertThat(t.arm("GET", path, null).status()).isEqualTo(404);
    assertThat(t.arm("DELETE", path, null).status()).isEqualTo(204);
  }

  private static String withEtag(String body, String etagJson) {
    return "{\"eTag\": " + etagJson + "," + body.substring(body.indexOf('{') + 1);
  }

  @Test
  void aHardCapBlocksItsDeploymentWith429AndSpendEqualsTheReport() {
    String deploymentId =
        t.rg("lazurite")
            + "/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments/capped";
    String path = t.sub() + "/providers/Microsoft.Consumption/budgets/cap";
    var put =
        t.arm(
            "PUT",
            path,
            CostTesting.budget(
                "0.000001",
                CostTesting.notification("Actual_100", "Actual", 100, ""),
                """
                {"dimensions": {"name": "ResourceId", "operator": "In", "values": ["%s"]}}"""
                    .formatted(deploymentId),
                "block"));
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    assertThat(t.chat("capped").status()).isEqualTo(200);
    t.settle();
    var refused = t.chat("capped");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("BudgetExceeded");
    assertThat(refused.json().at("/error/message").asText()).contains("'cap'");
    assertThat(t.chat("gpt-4o").status()).as("other deployments are not capped").isEqualTo(200);
    // The budget's spend is the report's cost of the capped deployment, to the pico-dollar.
    t.settle();
    BigDecimal spend =
        t.arm("GET", path, null).json().at("/properties/currentSpend/amount").decimalValue();
    var report =
        t.arm(
            "POST",
            t.sub() + "/providers/Microsoft.CostManagement/query",
            query("ModelDeploymentName"));
    assertThat(spend)
        .isPositive()
        .isEqualByComparingTo(costOf(report.json().at("/properties/rows"), "capped"));
    assertThat(t.arm("DELETE", path, null).status()).isEqualTo(200);
    t.settle();
    assertThat(t.chat("capped").status()).isEqualTo(200);
  }
}
