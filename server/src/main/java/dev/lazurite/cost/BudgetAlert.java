package dev.lazurite.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Azure's budget notification as an action group posts it to a webhook: schema {@code AIP Budget
 * Notification}, every value a string, the threshold as a fraction.
 */
final class BudgetAlert {
  static final String SCHEMA_ID = "AIP Budget Notification";
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("M/d/yyyy");

  private BudgetAlert() {}

  static ObjectNode payload(
      Budget budget,
      Budget.Notification notification,
      Budget.Period period,
      BigDecimal spend,
      String subscriptionName) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schemaId", SCHEMA_ID);
    ObjectNode data = root.putObject("data");
    data.put("SubscriptionName", subscriptionName);
    data.put("SubscriptionId", budget.scope().subscription());
    data.put("SpendingAmount", plain(spend));
    data.put("BudgetStartDate", START.format(period.from().atZone(ZoneOffset.UTC)));
    data.put("Budget", plain(budget.amount()));
    data.put("Unit", "USD");
    data.put("BudgetCreator", "");
    data.put("BudgetName", budget.name());
    data.put("BudgetType", "Cost");
    data.put("ResourceGroup", budget.scope().resourceGroup().orElse(""));
    data.put("NotificationThresholdAmount", plain(notification.threshold().movePointLeft(2)));
    return root;
  }

  private static String plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
  }
}
