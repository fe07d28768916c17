package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments carry ARM tags; usage is attributed to them, so a report groups by tag and a budget
 * filtered by tag counts exactly that deployment's calls.
 */
class DeploymentTagsTest {
  static TestingServer server;
  static CostTesting t;
  static String deployments;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    t = new CostTesting(server);
    deployments =
        t.rg("lazurite") + "/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String deployment(String tags) {
    return """
        {%s"sku": {"name": "GlobalStandard", "capacity": 10},
         "properties": {"model": {"format": "OpenAI", "name": "gpt-4o-mini", "version": "2024-07-18"}}}"""
        .formatted(tags.isEmpty() ? "" : "\"tags\": " + tags + ",");
  }

  @Test
  void tagsRoundTripAndAttributeCost() {
    var put =
        t.arm("PUT", deployments + "/team-a", deployment("{\"team\": \"a\", \"env\": \"dev\"}"));
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    assertThat(put.json().at("/tags/team").asText()).isEqualTo("a");
    assertThat(t.arm("GET", deployments + "/team-a", null).json().at("/tags/env").asText())
        .isEqualTo("dev");
    assertThat(t.arm("GET", deployments, null).body()).contains("\"team\":\"a\"");

    // A bad tag is refused and the deployment keeps its tags.
    var bad = t.arm("PUT", deployments + "/team-a", deployment("{\"team\": 7}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(t.arm("GET", deployments + "/team-a", null).json().at("/tags/team").asText())
        .isEqualTo("a");

    assertThat(t.chat("team-a").status()).isEqualTo(200);
    assertThat(t.chat("gpt-4o").status()).isEqualTo(200);
    t.settle();
    var report =
        t.arm(
            "POST",
            t.sub() + "/providers/Microsoft.CostManagement/query",
            """
            {"type": "ActualCost", "timeframe": "MonthToDate",
             "dataset": {"granularity": "None", "grouping": [{"type": "TagKey", "name": "team"}]}}""");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode rows = report.json().at("/properties/rows");
    JsonNode teamA = null;
    for (JsonNode row : rows) {
      if (row.get(2).asText().equals("a")) {
        teamA = row;
      }
    }
    assertThat(teamA).as(rows.toString()).isNotNull();
    assertThat(teamA.get(1).asText()).isEqualTo("team");

    // A budget filtered by the tag counts the tagged deployment's cost, nothing else.
    var budget =
        t.arm(
            "PUT",
            t.sub() + "/providers/Microsoft.Consumption/budgets/team-a",
            CostTesting.budget(
                "10",
                CostTesting.notification("Actual_90", "Actual", 90, ""),
                "{\"tags\": {\"name\": \"team\", \"operator\": \"In\", \"values\": [\"a\"]}}",
                ""));
    assertThat(budget.status()).as(budget.body()).isEqualTo(201);
    assertThat(budget.json().at("/properties/currentSpend/amount").decimalValue())
        .isPositive()
        .isEqualByComparingTo(teamA.get(0).decimalValue());

    // PUT without tags clears them; deleting the deployment forgets them.
    assertThat(t.arm("PUT", deployments + "/team-a", deployment("")).json().path("tags").size())
        .isZero();
    assertThat(t.arm("DELETE", deployments + "/team-a", null).status()).isEqualTo(200);
  }
}
