package dev.lazurite.observability.azure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.observability.azure.AzureMetric.Aggregation;
import dev.lazurite.observability.azure.AzureMetric.Dimension;
import dev.lazurite.store.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Answers Azure Monitor metrics queries from the stored usage records of one account, in the shape
 * of Azure's {@code Microsoft.Insights/metrics} response ({@code cost}, {@code timespan}, {@code
 * interval}, {@code value[]} of metrics with their {@code timeseries}, {@code namespace}, {@code
 * resourceregion}).
 */
public final class AzureMetrics {
  public static final String NAMESPACE = "Microsoft.CognitiveServices/accounts";

  /** The most data points one series may have; Azure asks for a coarser grain beyond it. */
  static final int MAX_POINTS = 50_000;

  /** The {@code ApiName} every data-plane call reports. */
  static final String API_NAME = "Azure OpenAI API";

  private final UsageStore usage;

  public AzureMetrics(UsageStore usage) {
    this.usage = usage;
  }

  /**
   * What the resource is: its ARM id, its name in usage records, its region and the model version
   * of each of its deployments.
   */
  public record Resource(
      String id, String account, String region, Map<String, String> modelVersions) {
    public Resource {
      modelVersions = Map.copyOf(modelVersions);
    }
  }

  public ObjectNode query(Resource resource, MetricsQuery query) {
    Instant start = query.alignedStart();
    long points = ceilDiv(Duration.between(start, query.to()), query.interval());
    if (points > MAX_POINTS) {
      throw MetricsQuery.bad(
          "The query asks for "
              + points
              + " data points per series; at most "
              + MAX_POINTS
              + " are allowed. Use a larger interval or a shorter timespan.");
    }
    int buckets = (int) points;
    List<String> split = List.copyOf(query.filter().dimensions().keySet());
    Map<AzureMetric, SeriesTable> tables = new EnumMap<>(AzureMetric.class);
    for (AzureMetric metric : query.metrics()) {
      SeriesTable table = new SeriesTable(start, query.interval(), buckets);
      if (split.isEmpty()) {
        table.ensure(List.of());
      }
      tables.put(metric, table);
    }
    usage.scan(
        resource.account(),
        start,
        query.to(),
        r -> {
          Map<String, String> dims = dimensions(resource, r);
          if (!query.filter().admits(dims)) {
            return;
          }
          List<String> key = new ArrayList<>(split.size());
          for (String d : split) {
            key.add(dims.getOrDefault(d, ""));
          }
          for (var entry : tables.entrySet()) {
            OptionalDouble sample = entry.getKey().sample(r);
            if (sample.isPresent()) {
              entry.getValue().add(key, r.time(), sample.getAsDouble());
            }
          }
        });
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("cost", 0);
    body.put("timespan", query.timespanText());
    body.put("interval", iso(query.interval()));
    ArrayNode value = body.putArray("value");
    for (AzureMetric metric : query.metrics()) {
      List<Aggregation> aggregations =
          query.aggregations().isEmpty()
              ? List.of(metric.primaryAggregation())
              : query.aggregations();
      value.add(metric(resource, metric, tables.get(metric), split, aggregations, query, start));
    }
    body.put("namespace", NAMESPACE);
    body.put("resourceregion", resource.region());
    return body;
  }

  private static ObjectNode metric(
      Resource resource,
      AzureMetric metric,
      SeriesTable table,
      List<String> split,
      List<Aggregation> aggregations,
      MetricsQuery query,
      Instant start) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", resource.id() + "/providers/Microsoft.Insights/metrics/" + metric.restName());
    node.put("type", "Microsoft.Insights/metrics");
    node.putObject("name")
        .put("value", metric.restName())
        .put("localizedValue", metric.displayName());
    node.put("displayDescription", metric.description());
    node.put("unit", metric.unit().wire());
    ArrayNode timeseries = node.putArray("timeseries");
    var series = new ArrayList<>(table.series().entrySet());
    if (!split.isEmpty()) {
      series.sort(
          Comparator.comparingDouble(
                  (Map.Entry<List<String>, SeriesTable.Cells> e) -> e.getValue().total())
              .reversed());
      if (series.size() > query.top()) {
        series.subList(query.top(), series.size()).clear();
      }
    }
    for (var entry : series) {
      ObjectNode one = timeseries.addObject();
      ArrayNode metadata = one.putArray("metadatavalues");
      for (int i = 0; i < split.size(); i++) {
        String name = split.get(i).toLowerCase(Locale.ROOT);
        ObjectNode m = metadata.addObject();
        m.putObject("name").put("value", name).put("localizedValue", name);
        m.put("value", entry.getKey().get(i));
      }
      if (!query.metadataOnly()) {
        one.set("data", data(metric, entry.getValue(), aggregations, query.interval(), start));
      }
    }
    node.put("errorCode", "Success");
    return node;
  }

  private static ArrayNode data(
      AzureMetric metric,
      SeriesTable.Cells cells,
      List<Aggregation> aggregations,
      Duration grain,
      Instant start) {
    ArrayNode data = Json.MAPPER.createArrayNode();
    for (int b = 0; b < cells.count.length; b++) {
      ObjectNode point = data.addObject();
      point.put("timeStamp", start.plus(grain.multipliedBy(b)).toString());
      long n = cells.count[b];
      for (Aggregation aggregation : aggregations) {
        switch (aggregation) {
          case TOTAL ->
              point.put(
                  "total",
                  metric == AzureMetric.AVAILABILITY_RATE && n > 0
                      ? cells.sum[b] / n
                      : cells.sum[b]);
          case COUNT -> point.put("count", (double) n);
          case AVERAGE -> {
            if (n > 0) {
              point.put("average", cells.sum[b] / n);
            }
          }
          // The availability rate is one figure per grain, not a per-request extreme.
          case MINIMUM -> {
            if (n > 0) {
              point.put(
                  "minimum",
                  metric == AzureMetric.AVAILABILITY_RATE ? cells.sum[b] / n : cells.min[b]);
            }
          }
          case MAXIMUM -> {
            if (n > 0) {
              point.put(
                  "maximum",
                  metric == AzureMetric.AVAILABILITY_RATE ? cells.sum[b] / n : cells.max[b]);
            }
          }
        }
      }
    }
    return data;
  }

  private static Map<String, String> dimensions(Resource resource, UsageRecord r) {
    Map<String, String> d = new HashMap<>();
    d.put(Dimension.API_NAME, API_NAME);
    d.put(Dimension.OPERATION_NAME, r.operation());
    d.put(Dimension.REGION, resource.region());
    d.put(Dimension.STREAM_TYPE, r.streamed() ? "Streaming" : "Non-Streaming");
    d.put(Dimension.DEPLOYMENT, r.deployment());
    d.put(Dimension.MODEL_NAME, r.model());
    d.put(Dimension.MODEL_VERSION, resource.modelVersions().getOrDefault(r.deployment(), ""));
    d.put(Dimension.STATUS_CODE, Integer.toString(r.status()));
    d.put(Dimension.FEATURE_NAME, "Inference");
    d.put(Dimension.USAGE_CHANNEL, "None");
    return d;
  }

  /** ISO 8601 as Azure writes grains: {@code PT1M}, {@code PT1H}, {@code P1D}. */
  static String iso(Duration d) {
    if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
      return "P" + d.toDays() + "D";
    }
    return d.toString();
  }

  private static long ceilDiv(Duration span, Duration grain) {
    long s = span.toNanos();
    long g = grain.toNanos();
    return Math.max(1, (s + g - 1) / g);
  }
}
