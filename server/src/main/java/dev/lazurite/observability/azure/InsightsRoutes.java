package dev.lazurite.observability.azure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.json.Json;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Azure Monitor's routes under an account: {@code
 * {resourceId}/providers/Microsoft.Insights/metrics} and {@code …/metricDefinitions}, so that
 * {@code az monitor metrics list --resource {id} --metric …} and dashboards' queries work.
 */
public final class InsightsRoutes {
  private static final String ACCOUNT =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
          + "Microsoft.CognitiveServices/accounts/{accountName}";
  private static final String INSIGHTS = ACCOUNT + "/providers/Microsoft.Insights";

  private final ControlPlane control;
  private final AzureMetrics metrics;
  private final Clock clock;

  public InsightsRoutes(ControlPlane control, AzureMetrics metrics, Clock clock) {
    this.control = control;
    this.metrics = metrics;
    this.clock = clock;
  }

  public void register(ArmRouter routes) {
    routes
        .route("GET", INSIGHTS + "/metrics", ACCOUNT, "Microsoft.Insights/metrics/read", this::list)
        .route(
            "GET",
            INSIGHTS + "/metricDefinitions",
            ACCOUNT,
            "Microsoft.Insights/metricDefinitions/read",
            this::definitions);
  }

  private ArmResponse list(ArmCall c) {
    AzureMetrics.Resource resource = resource(c);
    MetricsQuery query = MetricsQuery.parse(c::query, clock.instant());
    return ArmResponse.ok(metrics.query(resource, query));
  }

  private ArmResponse definitions(ArmCall c) {
    AzureMetrics.Resource resource = resource(c);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode value = body.putArray("value");
    for (AzureMetric metric : AzureMetric.values()) {
      ObjectNode d = value.addObject();
      d.put(
          "id",
          resource.id() + "/providers/microsoft.insights/metricdefinitions/" + metric.restName());
      d.put("resourceId", resource.id());
      d.put("namespace", AzureMetrics.NAMESPACE);
      d.putObject("name")
          .put("value", metric.restName())
          .put("localizedValue", metric.displayName());
      d.put("displayDescription", metric.description());
      d.put("isDimensionRequired", false);
      d.put("unit", metric.unit().wire());
      d.put("primaryAggregationType", metric.primaryAggregation().wire());
      ArrayNode supported = d.putArray("supportedAggregationTypes");
      supported.add("None");
      for (AzureMetric.Aggregation a : AzureMetric.Aggregation.values()) {
        supported.add(a.wire());
      }
      ArrayNode availabilities = d.putArray("metricAvailabilities");
      for (String grain :
          new String[] {"PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"}) {
        availabilities.addObject().put("timeGrain", grain).put("retention", "P93D");
      }
      ArrayNode dimensions = d.putArray("dimensions");
      for (String dimension : metric.dimensions()) {
        dimensions.addObject().put("value", dimension).put("localizedValue", dimension);
      }
    }
    return ArmResponse.ok(body);
  }

  /** The account the path names (ARM's 404 when there is none), as metrics see it. */
  private AzureMetrics.Resource resource(ArmCall c) {
    Account account =
        control.account(
            c.value("subscriptionId"), c.value("resourceGroupName"), c.value("accountName"));
    Map<String, String> versions = new HashMap<>();
    for (Deployment d : control.deployments(account)) {
      versions.put(d.name(), d.model().version());
    }
    String id =
        "/subscriptions/"
            + account.subscriptionId()
            + "/resourceGroups/"
            + account.resourceGroup()
            + "/providers/Microsoft.CognitiveServices/accounts/"
            + account.name();
    return new AzureMetrics.Resource(id, account.name(), account.location(), versions);
  }
}
