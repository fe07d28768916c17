package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Microsoft.Consumption/budgets} at subscription and resource-group scope, and {@code
 * Microsoft.Insights/actionGroups} in resource groups (listed also per subscription): PUT, GET,
 * list and DELETE, with ARM's bodies, {@code eTag}s and errors.
 */
public final class BudgetRoutes {
  static final String SUB = "/subscriptions/{subscriptionId}";
  static final String RG = SUB + "/resourceGroups/{resourceGroupName}";
  private static final String BUDGETS = "/providers/Microsoft.Consumption/budgets";
  private static final String GROUPS = "/providers/Microsoft.Insights/actionGroups";
  private static final String BUDGET_ACTION = "Microsoft.Consumption/budgets/";
  private static final String GROUP_ACTION = "Microsoft.Insights/actionGroups/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

  private final CostService cost;
  private final CostScopes scopes;

  public BudgetRoutes(CostService cost, CostScopes scopes) {
    this.cost = cost;
    this.scopes = scopes;
  }

  public void register(ArmRouter routes) {
    for (String scope : List.of(SUB, RG)) {
      routes
          .route("GET", scope + BUDGETS, scope, BUDGET_ACTION + "read", this::listBudgets)
          .route("GET", scope + BUDGETS + "/{name}", scope, BUDGET_ACTION + "read", this::getBudget)
          .route(
              "PUT", scope + BUDGETS + "/{name}", scope, BUDGET_ACTION + "write", this::putBudget)
          .route(
              "DELETE",
              scope + BUDGETS + "/{name}",
              scope,
              BUDGET_ACTION + "delete",
              c -> ArmResponse.deleted(delete(CostStore.Kind.BUDGET, budgetKey(c))));
    }
    routes
        .route("GET", SUB + GROUPS, SUB, GROUP_ACTION + "read", this::listGroups)
        .route("GET", RG + GROUPS, RG, GROUP_ACTION + "read", this::listGroups)
        .route("GET", RG + GROUPS + "/{name}", RG, GROUP_ACTION + "read", this::getGroup)
        .route("PUT", RG + GROUPS + "/{name}", RG, GROUP_ACTION + "write", this::putGroup)
        .route(
            "DELETE",
            RG + GROUPS + "/{name}",
            RG,
            GROUP_ACTION + "delete",
            c -> ArmResponse.deleted(delete(CostStore.Kind.ACTION_GROUP, groupId(c).key())));
  }

  private boolean delete(CostStore.Kind kind, String key) {
    return cost.store().delete(kind, key);
  }

  private ArmResponse listBudgets(ArmCall c) {
    ArmScope scope = scopes.of(c);
    var values = Json.MAPPER.createArrayNode();
    for (var stored : cost.store().list(CostStore.Kind.BUDGET)) {
      if (stored.scope().equalsIgnoreCase(scope.path())) {
        Budget budget = BudgetEvaluator.budget(stored);
        if (budget != null) {
          values.add(view(budget, stored));
        }
      }
    }
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.set("value", values);
    return ArmResponse.ok(list);
  }

  private ArmResponse getBudget(ArmCall c) {
    var stored = cost.store().get(CostStore.Kind.BUDGET, budgetKey(c));
    Budget budget = stored.map(BudgetEvaluator::budget).orElse(null);
    if (budget == null) {
      throw notFound("Microsoft.Consumption/budgets/" + c.value("name"), c);
    }
    return ArmResponse.ok(view(budget, stored.get()));
  }

  private ArmResponse putBudget(ArmCall c) {
    ArmScope scope = scopes.of(c);
    String name = name(c);
    JsonNode body = ArmJson.object(c.body());
    JsonNode properties = ArmJson.requiredObject(body, "properties", "properties");
    Optional<String> etag = ArmJson.optionalText(body, "eTag", "eTag");
    Budget budget = BudgetBodies.read(scope, name, properties);
    ObjectNode stored = Json.MAPPER.createObjectNode();
    ObjectNode props = properties.deepCopy();
    props.remove("currentSpend");
    stored.set("properties", props);
    String key = budget.id().toLowerCase(Locale.ROOT);
    var existing = cost.store().get(CostStore.Kind.BUDGET, key);
    Optional<String> ifMatch = existing.isPresent() ? etag : Optional.empty();
    if (ifMatch.isPresent() && !ifMatch.get().equals(existing.get().etag())) {
      throw conflict(name);
    }
    var row = new CostStore.Stored(key, scope.path(), name, stored, newEtag());
    if (!cost.store().put(CostStore.Kind.BUDGET, row, ifMatch)) {
      throw conflict(name);
    }
    cost.evaluate();
    return ArmResponse.written(existing.isEmpty(), view(budget, row));
  }

  private ObjectNode view(Budget budget, CostStore.Stored stored) {
    return BudgetBodies.view(
        budget, stored.body().path("properties"), stored.etag(), cost.spend(budget));
  }

  private ArmResponse listGroups(ArmCall c) {
    ArmScope scope = scopes.of(c);
    var values = Json.MAPPER.createArrayNode();
    for (var stored : cost.store().list(CostStore.Kind.ACTION_GROUP)) {
      var id = ActionGroupId.parse(stored.key()).orElseThrow();
      if (scope.covers(id.resourceGroup())) {
        values.add(ActionGroupBodies.view(displayId(stored), stored.body()));
      }
    }
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.set("value", values);
    return ArmResponse.ok(list);
  }

  private ArmResponse getGroup(ArmCall c) {
    ActionGroupId id = groupId(c);
    var stored =
        cost.store()
            .get(CostStore.Kind.ACTION_GROUP, id.key())
            .orElseThrow(() -> notFound("microsoft.insights/actionGroups/" + id.name(), c));
    return ArmResponse.ok(ActionGroupBodies.view(displayId(stored), stored.body()));
  }

  private ArmResponse putGroup(ArmCall c) {
    scopes.of(c);
    ActionGroupId id =
        new ActionGroupId(c.value("subscriptionId"), c.value("resourceGroupName"), name(c));
    ObjectNode body = ActionGroupBodies.read(ArmJson.object(c.body()));
    boolean created = cost.store().get(CostStore.Kind.ACTION_GROUP, id.key()).isEmpty();
    var row = new CostStore.Stored(id.key(), id.scope().path(), id.name(), body, newEtag());
    cost.store().put(CostStore.Kind.ACTION_GROUP, row, Optional.empty());
    return ArmResponse.written(created, ActionGroupBodies.view(id, body));
  }

  private static ActionGroupId displayId(CostStore.Stored stored) {
    ArmScope scope = ArmScope.parse(stored.scope());
    return new ActionGroupId(scope.subscription(), scope.resourceGroup().orElse(""), stored.name());
  }

  private String budgetKey(ArmCall c) {
    return (scopes.of(c).path() + BUDGETS + "/" + c.value("name")).toLowerCase(Locale.ROOT);
  }

  private ActionGroupId groupId(ArmCall c) {
    ArmScope scope = scopes.of(c);
    return new ActionGroupId(
        scope.subscription(), scope.resourceGroup().orElseThrow(), c.value("name"));
  }

  private static String name(ArmCall c) {
    String name = c.value("name");
    if (!NAME.matcher(name).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_NAME,
          "The name '%s' is invalid: it must have 1 to 63 letters, digits, '-' or '_'."
              .formatted(name.length() > 70 ? name.substring(0, 70) + "…" : name));
    }
    return name;
  }

  private static String newEtag() {
    return "\"" + UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "\"";
  }

  private static ApiException conflict(String name) {
    return ApiException.of(
        ErrorCode.ARM_CONFLICT,
        "The eTag given for budget '%s' does not match its current eTag; read it again and retry."
            .formatted(name));
  }

  private static ApiException notFound(String resource, ArmCall c) {
    return ApiException.of(
        ErrorCode.ARM_RESOURCE_NOT_FOUND,
        resource,
        c.values().getOrDefault("resourceGroupName", ""));
  }
}
