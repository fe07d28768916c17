package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code properties} of a budget as ARM sends them ({@code 2024-08-01}), read into a {@link
 * Budget}; anything that does not fit is ARM's 400 and nothing is stored.
 */
final class BudgetBodies {
  static final BigDecimal MAX_THRESHOLD = BigDecimal.valueOf(1000);
  private static final int MAX_NOTIFICATIONS = 5;
  private static final int MAX_CONTACTS = 50;

  private BudgetBodies() {}

  static Budget read(ArmScope scope, String name, JsonNode properties) {
    String category =
        ArmJson.optionalText(properties, "category", "properties.category").orElse("Cost");
    if (!category.equalsIgnoreCase("Cost")) {
      throw ArmJson.invalid(
          "Only budgets of category 'Cost' are supported, got '" + category + "'.");
    }
    BigDecimal amount = ArmJson.requiredNumber(properties, "amount", "properties.amount");
    if (amount.signum() <= 0) {
      throw ArmJson.invalid("The budget amount must be greater than 0.");
    }
    String grainText = ArmJson.requiredText(properties, "timeGrain", "properties.timeGrain");
    Budget.TimeGrain grain =
        Budget.TimeGrain.parse(grainText)
            .orElseThrow(
                () ->
                    ArmJson.invalid(
                        "The timeGrain '%s' is invalid; it must be one of Monthly, Quarterly,"
                                .formatted(grainText)
                            + " Annually, BillingMonth, BillingQuarter, BillingAnnual."));
    JsonNode period = ArmJson.requiredObject(properties, "timePeriod", "properties.timePeriod");
    Instant start =
        date(ArmJson.requiredText(period, "startDate", "properties.timePeriod.startDate"));
    if (start.atZone(ZoneOffset.UTC).getDayOfMonth() != 1) {
      throw ArmJson.invalid("The budget start date must be the first day of a month.");
    }
    Optional<Instant> end =
        ArmJson.optionalText(period, "endDate", "properties.timePeriod.endDate")
            .map(BudgetBodies::date);
    if (end.isPresent() && !end.get().isAfter(start)) {
      throw ArmJson.invalid("The budget end date must be after its start date.");
    }
    BudgetFilter filter =
        ArmJson.optionalObject(properties, "filter", "properties.filter")
            .map(f -> filter(f, "properties.filter"))
            .orElse(BudgetFilter.NONE);
    Map<String, Budget.Notification> notifications = new LinkedHashMap<>();
    var given = ArmJson.optionalObject(properties, "notifications", "properties.notifications");
    if (given.isPresent()) {
      if (given.get().size() > MAX_NOTIFICATIONS) {
        throw ArmJson.invalid(
            "A budget has at most %d notifications.".formatted(MAX_NOTIFICATIONS));
      }
      for (var entry : given.get().properties()) {
        String path = "properties.notifications." + entry.getKey();
        if (!entry.getValue().isObject()) {
          throw ArmJson.mistyped(path, "an object");
        }
        notifications.put(entry.getKey(), notification(entry.getValue(), path, scope));
      }
    }
    String enforcement =
        ArmJson.optionalText(properties, "enforcement", "properties.enforcement").orElse("none");
    if (!enforcement.equalsIgnoreCase("none") && !enforcement.equalsIgnoreCase("block")) {
      throw ArmJson.invalid(
          "The enforcement '%s' is invalid; it must be 'none' or 'block'.".formatted(enforcement));
    }
    return new Budget(
        scope,
        name,
        amount,
        grain,
        start,
        end,
        filter,
        notifications,
        enforcement.equalsIgnoreCase("block"));
  }

  private static Budget.Notification notification(JsonNode node, String path, ArmScope scope) {
    String op = ArmJson.requiredText(node, "operator", path + ".operator");
    Budget.Operator operator =
        Budget.Operator.parse(op)
            .orElseThrow(
                () ->
                    ArmJson.invalid(
                        "The operator '%s' is invalid; it must be EqualTo, GreaterThan or"
                                .formatted(op)
                            + " GreaterThanOrEqualTo."));
    BigDecimal threshold = ArmJson.requiredNumber(node, "threshold", path + ".threshold");
    if (threshold.signum() < 0 || threshold.compareTo(MAX_THRESHOLD) > 0) {
      throw ArmJson.invalid("The threshold at '%s' must be between 0 and 1000.".formatted(path));
    }
    String type =
        ArmJson.optionalText(node, "thresholdType", path + ".thresholdType").orElse("Actual");
    Budget.ThresholdType thresholdType =
        Budget.ThresholdType.parse(type)
            .orElseThrow(
                () ->
                    ArmJson.invalid(
                        "The thresholdType '%s' is invalid; it must be Actual or Forecasted."
                            .formatted(type)));
    List<String> emails =
        ArmJson.texts(node, "contactEmails", path + ".contactEmails", MAX_CONTACTS);
    List<String> roles = ArmJson.texts(node, "contactRoles", path + ".contactRoles", MAX_CONTACTS);
    List<String> groups =
        ArmJson.texts(node, "contactGroups", path + ".contactGroups", MAX_CONTACTS);
    for (String group : groups) {
      if (ActionGroupId.parse(group)
          .filter(g -> g.subscription().equalsIgnoreCase(scope.subscription()))
          .isEmpty()) {
        throw ArmJson.invalid(
            "The contact group '%s' is not an action group id of this subscription."
                .formatted(group));
      }
    }
    if (emails.isEmpty() && roles.isEmpty() && groups.isEmpty()) {
      throw ArmJson.invalid(
          "The notification at '%s' needs at least one of contactEmails, contactRoles or"
                  .formatted(path)
              + " contactGroups.");
    }
    return new Budget.Notification(
        ArmJson.optionalBoolean(node, "enabled", path + ".enabled", true),
        operator,
        threshold,
        thresholdType,
        emails,
        roles,
        groups,
        ArmJson.optionalText(node, "locale", path + ".locale").orElse("en-us"));
  }

  /** A filter of budgets and cost queries: {@code dimensions}, {@code tags} and {@code and}. */
  static BudgetFilter filter(JsonNode filter, String at) {
    Map<String, Set<String>> dimensions = new LinkedHashMap<>();
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    JsonNode and = filter.path("and");
    if (!and.isMissingNode() && !and.isNull()) {
      if (!and.isArray()) {
        throw ArmJson.mistyped(at + ".and", "an array");
      }
      int i = 0;
      for (JsonNode condition : and) {
        String path = at + ".and[" + i++ + "]";
        if (!condition.isObject()) {
          throw ArmJson.mistyped(path, "an object");
        }
        condition(condition, path, dimensions, tags);
      }
    }
    condition(filter, at, dimensions, tags);
    return new BudgetFilter(dimensions, tags);
  }

  private static void condition(
      JsonNode node,
      String path,
      Map<String, Set<String>> dimensions,
      Map<String, Set<String>> tags) {
    var dimension = ArmJson.optionalObject(node, "dimensions", path + ".dimensions");
    if (dimension.isPresent()) {
      String name = comparisonName(dimension.get(), path + ".dimensions");
      String canonical =
          switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "resourcegroupname", "resourcegroup" -> BudgetFilter.RESOURCE_GROUP;
            case "resourceid" -> BudgetFilter.RESOURCE_ID;
            case "principalgroup" -> BudgetFilter.GROUP;
            default ->
                throw ArmJson.invalid(
                    "The filter dimension '%s' is not supported; use ResourceGroupName,"
                            .formatted(name)
                        + " ResourceId or PrincipalGroup.");
          };
      dimensions.put(canonical, values(dimension.get(), path + ".dimensions"));
    }
    var tag = ArmJson.optionalObject(node, "tags", path + ".tags");
    if (tag.isPresent()) {
      tags.put(comparisonName(tag.get(), path + ".tags"), values(tag.get(), path + ".tags"));
    }
  }

  private static String comparisonName(JsonNode node, String path) {
    String name = ArmJson.requiredText(node, "name", path + ".name");
    String operator = ArmJson.requiredText(node, "operator", path + ".operator");
    if (!operator.equals("In")) {
      throw ArmJson.invalid("The filter operator at '%s' must be 'In'.".formatted(path));
    }
    return name;
  }

  private static Set<String> values(JsonNode node, String path) {
    List<String> values = ArmJson.texts(node, "values", path + ".values", 100);
    if (values.isEmpty()) {
      throw ArmJson.missing(path + ".values");
    }
    return new LinkedHashSet<>(values);
  }

  private static Instant date(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw ArmJson.invalid("The date '%s' is not an ISO 8601 date.".formatted(text));
      }
    }
  }

  /** The resource body ARM answers: the stored properties with the current spend. */
  static ObjectNode view(Budget budget, JsonNode properties, String etag, BigDecimal spend) {
    ObjectNode body = dev.lazurite.json.Json.MAPPER.createObjectNode();
    body.put("id", budget.id());
    body.put("name", budget.name());
    body.put("type", "Microsoft.Consumption/budgets");
    body.put("eTag", etag);
    ObjectNode props = properties.deepCopy();
    props.put("category", "Cost");
    props.putObject("currentSpend").put("amount", spend).put("unit", "USD");
    body.set("properties", props);
    return body;
  }
}
