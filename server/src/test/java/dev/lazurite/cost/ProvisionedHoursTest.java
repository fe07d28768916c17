package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A provisioned deployment is charged per PTU-hour (price × PTUs × hours it existed), in the cost
 * report and in its budget's spend alike, and its tokens are not charged per token.
 */
class ProvisionedHoursTest {
  static final String DEPLOYMENT_ID =
      "/providers/Microsoft.CognitiveServices/accounts/lazurite/deployments/ptu";

  @Test
  void ptuHoursAreChargedAndTokensAreNot() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      var t = new CostTesting(server);
      var price =
          t.arm(
              "POST",
              t.sub() + "/providers/Lazurite.Cost/prices",
              """
              {"model": "gpt-4o", "version": "2024-08-06", "deploymentType": "Provisioned",
               "input": 0, "output": 0, "perHour": 36}""");
      assertThat(price.status()).as(price.body()).isEqualTo(200);
      long beforeDeploy = System.currentTimeMillis();
      server.deploy(
          new DeploymentRequest(
              "ptu", "gpt-4o", "2024-08-06", "ProvisionedManaged", 15, "", "", Optional.empty()));
      long afterDeploy = System.currentTimeMillis();
      var budget =
          t.arm(
              "PUT",
              t.sub() + "/providers/Microsoft.Consumption/budgets/ptu",
              CostTesting.budget(
                  "100000",
                  CostTesting.notification("Actual_90", "Actual", 90, ""),
                  """
                  {"dimensions": {"name": "ResourceId", "operator": "In", "values": ["%s"]}}"""
                      .formatted(t.rg("lazurite") + DEPLOYMENT_ID),
                  ""));
      assertThat(budget.status()).as(budget.body()).isEqualTo(201);
      assertThat(t.chat("ptu").status()).isEqualTo(200);
      Thread.sleep(200);
      t.settle();

      long beforeQuery = System.currentTimeMillis();
      BigDecimal spend =
          t.arm("GET", t.sub() + "/providers/Microsoft.Consumption/budgets/ptu", null)
              .json()
              .at("/properties/currentSpend/amount")
              .decimalValue();
      var report =
          t.arm(
              "POST",
              t.sub() + "/providers/Microsoft.CostManagement/query",
              """
              {"type": "ActualCost", "timeframe": "MonthToDate",
               "dataset": {"granularity": "None",
                 "aggregation": {"prompt": {"name": "PromptTokens", "function": "Sum"}},
                 "grouping": [{"type": "Dimension", "name": "ModelDeploymentName"},
                              {"type": "Dimension", "name": "Principal"}]}}""");
      long afterQuery = System.currentTimeMillis();
      assertThat(report.status()).as(report.body()).isEqualTo(200);
      BigDecimal hours = BigDecimal.ZERO;
      BigDecimal tokens = BigDecimal.ZERO;
      long promptTokens = 0;
      for (JsonNode row : report.json().at("/properties/rows")) {
        if (!row.get(2).asText().equals("ptu")) {
          continue;
        }
        if (row.get(3).asText().equals("provisioned")) {
          hours = hours.add(row.get(0).decimalValue());
        } else {
          tokens = tokens.add(row.get(0).decimalValue());
          promptTokens += row.get(1).asLong();
        }
      }
      assertThat(promptTokens).as("the call's tokens are recorded").isPositive();
      assertThat(tokens).as("and not charged per token").isZero();
      // 36 USD per PTU-hour × 15 PTUs = 0.15 USD per second the deployment has existed.
      assertThat(hours)
          .isBetween(
              perSecond(beforeQuery - afterDeploy), perSecond(afterQuery - beforeDeploy + 1000));
      assertThat(spend)
          .isBetween(
              perSecond(beforeQuery - afterDeploy), perSecond(afterQuery - beforeDeploy + 1000));
      assertThat(spend).isPositive();
    }
  }

  private static BigDecimal perSecond(long millis) {
    return new BigDecimal("0.15")
        .multiply(BigDecimal.valueOf(millis))
        .divide(BigDecimal.valueOf(1000), 12, RoundingMode.HALF_EVEN);
  }
}
