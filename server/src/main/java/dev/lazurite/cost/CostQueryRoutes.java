package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST {scope}/providers/Microsoft.CostManagement/query}: Cost Management's query shape
 * ({@code type}, {@code timeframe}, {@code timePeriod}, {@code dataset.granularity}, {@code
 * dataset.grouping}, {@code dataset.filter}) answered with {@code columns} and {@code rows} from
 * the stored usage, the same rows budgets count. Beyond Azure, an aggregation named {@code
 * PromptTokens}, {@code CachedPromptTokens} or {@code CompletionTokens} adds that token sum as a
 * column after {@code Cost}, and the dimension {@code PrincipalGroup} groups by the caller's Entra
 * groups (see {@link CostQuery}).
 */
public final class CostQueryRoutes {
  private static final String QUERY = "/providers/Microsoft.CostManagement/query";
  private static final List<String> TYPES = List.of("ActualCost", "AmortizedCost", "Usage");
  private static final int MAX_GROUPINGS = 2;
  private static final List<String> QUANTITIES =
      List.of("PromptTokens", "CachedPromptTokens", "CompletionTokens");

  private final CostService cost;
  private final CostScopes scopes;

  public CostQueryRoutes(CostService cost, CostScopes scopes) {
    this.cost = cost;
    this.scopes = scopes;
  }

  public void register(ArmRouter routes) {
    for (String scope : List.of(BudgetRoutes.SUB, BudgetRoutes.RG)) {
      routes.route(
          "POST", scope + QUERY, scope, "Microsoft.CostManagement/query/action", this::query);
    }
  }

  private ArmResponse query(ArmCall c) {
    ArmScope scope = scopes.of(c);
    JsonNode body = ArmJson.object(c.body());
    CostQuery query = read(scope, body, cost.clock().instant());
    List<CostQuery.Row> rows = query.run(cost.lines(query.from(), query.to()), cost.subscription());
    return ArmResponse.ok(view(scope, query, quantities(body.path("dataset")), rows));
  }

  /** The token sums the query's aggregations ask for, in their order. */
  static List<String> quantities(JsonNode dataset) {
    List<String> asked = new ArrayList<>();
    JsonNode aggregation = dataset.path("aggregation");
    if (!aggregation.isObject()) {
      return asked;
    }
    for (JsonNode a : aggregation) {
      String name = a.path("name").asText("");
      for (String q : QUANTITIES) {
        if (q.equalsIgnoreCase(name) && !asked.contains(q)) {
          asked.add(q);
        }
      }
    }
    return asked;
  }

  private static long quantity(CostQuery.Row row, String name) {
    return switch (name) {
      case "PromptTokens" -> row.promptTokens();
      case "CachedPromptTokens" -> row.cachedPromptTokens();
      case "CompletionTokens" -> row.completionTokens();
      default -> throw new IllegalArgumentException("unknown quantity " + name);
    };
  }

  static CostQuery read(ArmScope scope, JsonNode body, Instant now) {
    String type = ArmJson.requiredText(body, "type", "type");
    if (TYPES.stream().noneMatch(t -> t.equalsIgnoreCase(type))) {
      throw ArmJson.invalid("The query type '%s' is invalid; use ActualCost.".formatted(type));
    }
    String timeframe = ArmJson.requiredText(body, "timeframe", "timeframe");
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant from;
    Instant to = now.plusSeconds(1);
    switch (timeframe.toLowerCase(Locale.ROOT)) {
      case "monthtodate", "billingmonthtodate" -> from = start(today.withDayOfMonth(1));
      case "weektodate" -> from = start(today.minusDays(today.getDayOfWeek().getValue() - 1));
      case "thelastmonth", "thelastbillingmonth" -> {
        from = start(today.withDayOfMonth(1).minusMonths(1));
        to = start(today.withDayOfMonth(1));
      }
      case "custom" -> {
        JsonNode period = ArmJson.requiredObject(body, "timePeriod", "timePeriod");
        from = instant(ArmJson.requiredText(period, "from", "timePeriod.from"));
        to = instant(ArmJson.requiredText(period, "to", "timePeriod.to"));
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > 366) {
          throw ArmJson.invalid(
              "The time period must end after it starts and span at most a year.");
        }
      }
      default ->
          throw ArmJson.invalid(
              "The timeframe '%s' is invalid; use MonthToDate, WeekToDate, TheLastMonth or Custom."
                  .formatted(timeframe));
    }
    JsonNode dataset = ArmJson.requiredObject(body, "dataset", "dataset");
    String granularity =
        ArmJson.optionalText(dataset, "granularity", "dataset.granularity").orElse("None");
    if (!granularity.equalsIgnoreCase("Daily") && !granularity.equalsIgnoreCase("None")) {
      throw ArmJson.invalid(
          "The granularity '%s' is invalid; use Daily or None.".formatted(granularity));
    }
    List<String> groupings = new ArrayList<>();
    JsonNode grouping = dataset.path("grouping");
    if (!grouping.isMissingNode() && !grouping.isNull()) {
      if (!grouping.isArray()) {
        throw ArmJson.mistyped("dataset.grouping", "an array");
      }
      if (grouping.size() > MAX_GROUPINGS) {
        throw ArmJson.invalid("A query groups by at most %d columns.".formatted(MAX_GROUPINGS));
      }
      int i = 0;
      for (JsonNode g : grouping) {
        String path = "dataset.grouping[" + i++ + "]";
        if (!g.isObject()) {
          throw ArmJson.mistyped(path, "an object");
        }
        groupings.add(grouping(g, path));
      }
    }
    BudgetFilter filter =
        ArmJson.optionalObject(dataset, "filter", "dataset.filter")
            .map(f -> BudgetBodies.filter(f, "dataset.filter"))
            .orElse(BudgetFilter.NONE);
    return new CostQuery(scope, from, to, granularity.equalsIgnoreCase("Daily"), groupings, filter);
  }

  private static String grouping(JsonNode g, String path) {
    String type = ArmJson.requiredText(g, "type", path + ".type");
    String name = ArmJson.requiredText(g, "name", path + ".name");
    if (type.equalsIgnoreCase("TagKey")) {
      return CostQuery.TAG + name;
    }
    if (!type.equalsIgnoreCase("Dimension")) {
      throw ArmJson.invalid(
          "The grouping type '%s' is invalid; use Dimension or TagKey.".formatted(type));
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "resourcegroup", "resourcegroupname" -> BudgetFilter.RESOURCE_GROUP;
      case "resourceid" -> BudgetFilter.RESOURCE_ID;
      case "modeldeploymentname", "deployment" -> CostQuery.DEPLOYMENT;
      case "principal", "caller" -> CostQuery.PRINCIPAL;
      case "principalgroup", "group" -> CostQuery.GROUP;
      default ->
          throw ArmJson.invalid(
              "The dimension '%s' is not supported; use ResourceGroupName, ResourceId,"
                      .formatted(name)
                  + " ModelDeploymentName, Principal or PrincipalGroup.");
    };
  }

  private static ObjectNode view(
      ArmScope scope, CostQuery query, List<String> quantities, List<CostQuery.Row> rows) {
    String id = UUID.randomUUID().toString();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", scope.path() + QUERY + "/" + id);
    body.put("name", id);
    body.put("type", "Microsoft.CostManagement/query");
    ObjectNode props = body.putObject("properties");
    props.putNull("nextLink");
    ArrayNode columns = props.putArray("columns");
    columns.addObject().put("name", "Cost").put("type", "Number");
    for (String q : quantities) {
      columns.addObject().put("name", q).put("type", "Number");
    }
    if (query.daily()) {
      columns.addObject().put("name", "UsageDate").put("type", "Number");
    }
    for (String g : query.groupings()) {
      if (g.startsWith(CostQuery.TAG)) {
        columns.addObject().put("name", "TagKey").put("type", "String");
        columns.addObject().put("name", "TagValue").put("type", "String");
      } else {
        columns.addObject().put("name", g).put("type", "String");
      }
    }
    columns.addObject().put("name", "Currency").put("type", "String");
    ArrayNode out = props.putArray("rows");
    for (CostQuery.Row row : rows) {
      ArrayNode r = out.addArray();
      r.add(row.usd());
      for (String q : quantities) {
        r.add(quantity(row, q));
      }
      if (query.daily()) {
        r.add(Long.parseLong(row.day()));
      }
      for (int i = 0; i < query.groupings().size(); i++) {
        String g = query.groupings().get(i);
        if (g.startsWith(CostQuery.TAG)) {
          r.add(g.substring(CostQuery.TAG.length()));
        }
        r.add(row.groups().get(i));
      }
      r.add("USD");
    }
    return body;
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return start(LocalDate.parse(text));
      } catch (DateTimeParseException again) {
        throw ArmJson.invalid("The date '%s' is not an ISO 8601 date.".formatted(text));
      }
    }
  }
}
