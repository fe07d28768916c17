package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every cost route refuses what does not fit with ARM's error envelope and changes nothing:
 * malformed JSON, wrong types, missing fields, out-of-range values and another scope's ids.
 */
class CostBadInputTest {
  static TestingServer server;
  static CostTesting t;
  static String budgets;
  static String groups;
  static String query;
  static String prices;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    t = new CostTesting(server);
    budgets = t.sub() + "/providers/Microsoft.Consumption/budgets";
    groups = t.rg("lazurite") + "/providers/microsoft.insights/actionGroups";
    query = t.sub() + "/providers/Microsoft.CostManagement/query";
    prices = t.sub() + "/providers/Lazurite.Cost/prices";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void refused(String method, String path, String body, int status, String code) {
    String budgetsBefore = t.arm("GET", budgets, null).body();
    String groupsBefore = t.arm("GET", groups, null).body();
    String pricesBefore = t.arm("GET", prices, null).body();
    var result = t.arm(method, path, body);
    assertThat(result.status()).as(body + " -> " + result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).isNotBlank();
    assertThat(t.arm("GET", budgets, null).body()).isEqualTo(budgetsBefore);
    assertThat(t.arm("GET", groups, null).body()).isEqualTo(groupsBefore);
    assertThat(t.arm("GET", prices, null).body()).isEqualTo(pricesBefore);
  }

  private static String note(String extra) {
    return "\"n\": {\"operator\": \"GreaterThan\", \"threshold\": 80, \"contactEmails\": [\"a@b.c\"]"
        + extra
        + "}";
  }

  @Test
  void budgetsRefuseBadBodies() {
    String bad = "InvalidRequestContent";
    refused("PUT", budgets + "/b", "{not json", 400, bad);
    refused("PUT", budgets + "/b", "", 400, bad);
    refused("PUT", budgets + "/b", "[1]", 400, bad);
    refused("PUT", budgets + "/b", "{}", 400, bad);
    refused("PUT", budgets + "/b", CostTesting.budget("\"100\"", note(""), "", ""), 400, bad);
    refused("PUT", budgets + "/b", CostTesting.budget("-1", note(""), "", ""), 400, bad);
    refused("PUT", budgets + "/b", CostTesting.budget("10", note(""), "", "throttle"), 400, bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget("10", note(""), "", "").replace("Monthly", "Weekly"),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget("10", note(""), "", "").replace("\"timePeriod\"", "\"period\""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget("10", note(""), "", "").replace("-01T00", "-02T00"),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget("10", note("").replace("80", "1001"), "", ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget("10", note("").replace("GreaterThan", "LessThan"), "", ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget(
            "10",
            note(
                ", \"contactGroups\": [\"/subscriptions/other/resourceGroups/"
                    + "x/providers/microsoft.insights/actionGroups/g\"]"),
            "",
            ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget(
            "10", "\"n\": {\"operator\": \"GreaterThan\", \"threshold\": 80}", "", ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget(
            "10",
            note(""),
            "{\"dimensions\": {\"name\": \"Meter\", \"operator\": \"In\","
                + " \"values\": [\"x\"]}}",
            ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/b",
        CostTesting.budget(
            "10",
            note(""),
            "{\"tags\": {\"name\": \"t\", \"operator\": \"In\"," + " \"values\": \"x\"}}",
            ""),
        400,
        bad);
    refused(
        "PUT",
        budgets + "/bad.name!",
        CostTesting.budget("10", note(""), "", ""),
        400,
        "InvalidResourceName");
  }

  @Test
  void budgetsOfAnotherScopeAreNotFound() {
    String path = t.rg("lazurite") + "/providers/Microsoft.Consumption/budgets/mine";
    assertThat(t.arm("PUT", path, CostTesting.budget("10", note(""), "", "")).status())
        .isEqualTo(201);
    assertThat(t.arm("GET", budgets + "/mine", null).status()).isEqualTo(404);
    assertThat(t.arm("DELETE", budgets + "/mine", null).status()).isEqualTo(204);
    refused(
        "GET",
        "/subscriptions/00000000-0000-0000-0000-000000000000/providers/"
            + "Microsoft.Consumption/budgets/mine",
        null,
        404,
        "SubscriptionNotFound");
    refused(
        "GET",
        t.rg("nowhere") + "/providers/Microsoft.Consumption/budgets/mine",
        null,
        404,
        "ResourceGroupNotFound");
    assertThat(t.arm("GET", path, null).status()).as("still there").isEqualTo(200);
    assertThat(t.arm("DELETE", path, null).status()).isEqualTo(200);
  }

  @Test
  void actionGroupsRefuseBadBodies() {
    String bad = "InvalidRequestContent";
    refused("PUT", groups + "/g", "{nope", 400, bad);
    refused("PUT", groups + "/g", "{\"location\": \"Global\"}", 400, bad);
    refused("PUT", groups + "/g", "{\"properties\": {\"enabled\": true}}", 400, bad);
    refused(
        "PUT",
        groups + "/g",
        "{\"properties\": {\"groupShortName\": \"much-too-long-name\", \"enabled\": true}}",
        400,
        bad);
    refused(
        "PUT",
        groups + "/g",
        "{\"properties\": {\"groupShortName\": \"g\", \"enabled\": \"yes\"}}",
        400,
        bad);
    refused(
        "PUT",
        groups + "/g",
        "{\"properties\": {\"groupShortName\": \"g\", \"enabled\": true, \"webhookReceivers\":"
            + " {}}}",
        400,
        bad);
    refused(
        "PUT",
        groups + "/g",
        "{\"properties\": {\"groupShortName\": \"g\", \"enabled\": true, \"webhookReceivers\":"
            + " [{\"name\": \"h\", \"serviceUri\": \"ftp://example.com\"}]}}",
        400,
        bad);
    refused(
        "PUT",
        groups + "/g",
        "{\"properties\": {\"groupShortName\": \"g\", \"enabled\": true, \"webhookReceivers\":"
            + " [{\"name\": \"h\"}]}}",
        400,
        bad);
    refused("GET", groups + "/missing", null, 404, "ResourceNotFound");
    refused(
        "GET",
        t.rg("nowhere") + "/providers/microsoft.insights/actionGroups/g",
        null,
        404,
        "ResourceGroupNotFound");
  }

  @Test
  void queriesAndPricesRefuseBadBodies() {
    String bad = "InvalidRequestContent";
    refused("POST", query, "{x", 400, bad);
    refused("POST", query, "{\"timeframe\": \"MonthToDate\", \"dataset\": {}}", 400, bad);
    refused("POST", query, "{\"type\": \"ActualCost\", \"dataset\": {}}", 400, bad);
    refused(
        "POST",
        query,
        "{\"type\": \"ActualCost\", \"timeframe\": \"Yesterday\"," + " \"dataset\": {}}",
        400,
        bad);
    refused(
        "POST",
        query,
        "{\"type\": \"ActualCost\", \"timeframe\": \"Custom\"," + " \"dataset\": {}}",
        400,
        bad);
    refused("POST", query, "{\"type\": \"ActualCost\", \"timeframe\": \"MonthToDate\"}", 400, bad);
    refused(
        "POST",
        query,
        "{\"type\": \"ActualCost\", \"timeframe\": \"MonthToDate\","
            + " \"dataset\": {\"granularity\": \"Hourly\"}}",
        400,
        bad);
    refused(
        "POST",
        query,
        "{\"type\": \"ActualCost\", \"timeframe\": \"MonthToDate\","
            + " \"dataset\": {\"grouping\": [{\"type\": \"Dimension\", \"name\": \"Meter\"}]}}",
        400,
        bad);
    refused(
        "POST",
        query,
        "{\"type\": \"ActualCost\", \"timeframe\": \"MonthToDate\","
            + " \"dataset\": {\"grouping\": \"ResourceGroup\"}}",
        400,
        bad);
    refused(
        "POST",
        prices,
        "{\"model\": \"m\", \"deploymentType\": \"Global\", \"input\": 1}",
        400,
        bad);
    refused(
        "POST",
        prices,
        "{\"model\": \"m\", \"deploymentType\": \"Cheap\", \"input\": 1," + " \"output\": 1}",
        400,
        bad);
    refused(
        "POST",
        prices,
        "{\"model\": \"m\", \"deploymentType\": \"Global\", \"input\": -1," + " \"output\": 1}",
        400,
        bad);
    refused(
        "POST",
        prices,
        "{\"model\": \"m\", \"deploymentType\": \"Global\", \"input\": \"1\"," + " \"output\": 1}",
        400,
        bad);
    refused(
        "POST",
        prices,
        "{\"model\": \"m\", \"deploymentType\": \"Global\","
            + " \"input\": 0.0000001, \"output\": 1}",
        400,
        bad);
  }
}
