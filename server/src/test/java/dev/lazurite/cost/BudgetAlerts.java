package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The budget-alert scenario, run on one or several instances sharing a database: every threshold
 * crossed is posted once to the action group's webhook in Azure's payload, whichever instances
 * evaluate and however often.
 */
final class BudgetAlerts {
  private BudgetAlerts() {}

  static void deliveredOncePerThreshold(List<TestingServer> instances) throws Exception {
    var first = new CostTesting(instances.getFirst());
    try (var hook = new WebhookReceiver()) {
      String group = first.rg("lazurite") + "/providers/microsoft.insights/actionGroups/finops";
      var put =
          first.arm(
              "PUT",
              group,
              """
              {"location": "Global", "properties": {"groupShortName": "finops", "enabled": true,
                "emailReceivers": [],
                "webhookReceivers": [{"name": "hook", "serviceUri": "%s",
                                      "useCommonAlertSchema": false}]}}"""
                  .formatted(hook.url()));
      assertThat(put.status()).as(put.body()).isEqualTo(201);
      String notifications =
          String.join(
              ",",
              CostTesting.notification("Actual_50", "Actual", 50, group),
              CostTesting.notification("Actual_100", "Actual", 100, group),
              CostTesting.notification("Forecast_100", "Forecasted", 100, group),
              CostTesting.notification("Actual_1000", "Actual", 1000, group));
      // 1000 % of 0.000001 USD is 0.00001 USD; one gpt-4o call's 5 completion tokens alone cost
      // 0.00005 USD, so every threshold is crossed.
      var budget =
          first.arm(
              "PUT",
              first.sub() + "/providers/Microsoft.Consumption/budgets/alerts",
              CostTesting.budget("0.000001", notifications, "", ""));
      assertThat(budget.status()).as(budget.body()).isEqualTo(201);
      assertThat(hook.received).as("nothing is spent yet").isEmpty();

      for (TestingServer instance : instances) {
        assertThat(new CostTesting(instance).chat("gpt-4o").status()).isEqualTo(200);
        instance.server().flushUsage();
      }
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> rounds = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (TestingServer instance : instances) {
            rounds.add(pool.submit(() -> instance.server().cost().evaluate()));
          }
        }
        for (Future<?> f : rounds) {
          f.get();
        }
      }
      awaitAtLeast(hook, 4);
      for (TestingServer instance : instances) {
        instance.server().cost().evaluate();
      }
      assertThat(hook.received).hasSize(4);
      BigDecimal spend = BigDecimal.ZERO;
      for (JsonNode alert : hook.received) {
        assertThat(alert.path("schemaId").asText()).isEqualTo("AIP Budget Notification");
        JsonNode data = alert.path("data");
        for (String field :
            List.of(
                "SubscriptionName",
                "SubscriptionId",
                "SpendingAmount",
                "BudgetStartDate",
                "Budget",
                "Unit",
                "BudgetCreator",
                "BudgetName",
                "BudgetType",
                "ResourceGroup",
                "NotificationThresholdAmount")) {
          assertThat(data.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(data.path("BudgetName").asText()).isEqualTo("alerts");
        assertThat(data.path("Budget").asText()).isEqualTo("0.000001");
        assertThat(data.path("Unit").asText()).isEqualTo("USD");
        assertThat(data.path("BudgetType").asText()).isEqualTo("Cost");
        assertThat(data.path("SubscriptionId").asText())
            .isEqualTo(instances.getFirst().server().subscriptionId());
        spend = spend.max(new BigDecimal(data.path("SpendingAmount").asText()));
      }
      assertThat(
              hook.received.stream()
                  .map(a -> a.at("/data/NotificationThresholdAmount").asText())
                  .sorted()
                  .toList())
          .containsExactly("0.5", "1", "1", "10");
      // An alert names the spend when it fired: at most the budget's current spend (another
      // instance's call may have come after).
      var shown =
          first.arm("GET", first.sub() + "/providers/Microsoft.Consumption/budgets/alerts", null);
      assertThat(shown.json().at("/properties/currentSpend/amount").decimalValue())
          .isGreaterThanOrEqualTo(spend);
      assertThat(spend).isPositive();
    }
  }

  private static void awaitAtLeast(WebhookReceiver hook, int count) throws InterruptedException {
    for (int i = 0; i < 300 && hook.received.size() < count; i++) {
      Thread.sleep(50);
    }
    // Deliveries claimed by a background evaluation may still be in flight; let them land.
    Thread.sleep(200);
  }
}
