package dev.lazurite.observability.azure;

import dev.lazurite.metering.UsageRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Azure Monitor metrics of {@code Microsoft.CognitiveServices/accounts} that Lazurite serves,
 * with Azure's names, units, aggregations and dimensions. Each takes at most one sample from a
 * stored usage record, so every instance on one store answers the same.
 */
public enum AzureMetric {
  REQUESTS(
      "AzureOpenAIRequests",
      "Azure OpenAI Requests",
      "Number of calls made to the Azure OpenAI API over a period of time.",
      Unit.COUNT,
      Aggregation.TOTAL,
      Dimension.REQUESTS),
  AVAILABILITY_RATE(
      "AzureOpenAIAvailabilityRate",
      "Azure OpenAI AvailabilityRate",
      "Availability percentage: (total calls - server errors) / total calls.",
      Unit.PERCENT,
      Aggregation.AVERAGE,
      Dimension.AVAILABILITY),
  PROMPT_TOKENS(
      "ProcessedPromptTokens",
      "Processed Prompt Tokens",
      "Number of prompt tokens processed (input) on an Azure OpenAI model.",
      Unit.COUNT,
      Aggregation.TOTAL,
      Dimension.TOKENS),
  GENERATED_TOKENS(
      "GeneratedTokens",
      "Generated Completion Tokens",
      "Number of tokens generated (output) from an Azure OpenAI model.",
      Unit.COUNT,
      Aggregation.TOTAL,
      Dimension.TOKENS),
  TOKEN_TRANSACTION(
      "TokenTransaction",
      "Processed Inference Tokens",
      "Number of inference tokens processed on an Azure OpenAI model: prompt plus generated.",
      Unit.COUNT,
      Aggregation.TOTAL,
      Dimension.TOKENS),
  ACTIVE_TOKENS(
      "ActiveTokens",
      "Active Tokens",
      "Total tokens minus cached tokens over a period of time.",
      Unit.COUNT,
      Aggregation.TOTAL,
      Dimension.LATENCY),
  TIME_TO_RESPONSE(
      "AzureOpenAITimeToResponse",
      "Time to Response",
      "Time taken for the first response to appear after a user sends a prompt.",
      Unit.MILLISECONDS,
      Aggregation.AVERAGE,
      Dimension.REQUESTS),
  NORMALIZED_TTFT(
      "AzureOpenAINormalizedTTFTInMS",
      "Normalized Time to First Byte",
      "Time from the request's arrival to the first byte of its answer, in milliseconds.",
      Unit.MILLISECONDS,
      Aggregation.AVERAGE,
      Dimension.LATENCY),
  TIME_TO_LAST_BYTE(
      "AzureOpenAITTLTInMS",
      "Time to Last Byte",
      "Time from the request's arrival to the last byte of its answer, in milliseconds.",
      Unit.MILLISECONDS,
      Aggregation.AVERAGE,
      Dimension.LATENCY),
  TIME_BETWEEN_TOKENS(
      "AzureOpenAINormalizedTBTInMS",
      "Time Between Token",
      "For streamed answers: the time between generated tokens, in milliseconds.",
      Unit.MILLISECONDS,
      Aggregation.AVERAGE,
      Dimension.LATENCY),
  TOKENS_PER_SECOND(
      "AzureOpenAITokenPerSecond",
      "Tokens Per Second",
      "Generated tokens per second of generation.",
      Unit.COUNT,
      Aggregation.AVERAGE,
      Dimension.LATENCY);

  private final String restName;
  private final String displayName;
  private final String description;
  private final Unit unit;
  private final Aggregation primary;
  private final List<String> dimensions;

  AzureMetric(
      String restName,
      String displayName,
      String description,
      Unit unit,
      Aggregation primary,
      List<String> dimensions) {
    this.restName = restName;
    this.displayName = displayName;
    this.description = description;
    this.unit = unit;
    this.primary = primary;
    this.dimensions = dimensions;
  }

  public String restName() {
    return restName;
  }

  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  public Aggregation primaryAggregation() {
    return primary;
  }

  /** Azure's dimension names, in Azure's spelling. */
  public List<String> dimensions() {
    return dimensions;
  }

  /** Azure's name matched in any case, as Azure matches it. */
  public static Optional<AzureMetric> byName(String name) {
    for (AzureMetric metric : values()) {
      if (metric.restName.equalsIgnoreCase(name.strip())) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  /** What one request contributes, if anything. */
  OptionalDouble sample(UsageRecord r) {
    double generation = r.latencyMillis() - r.firstByteMillis();
    return switch (this) {
      case REQUESTS -> OptionalDouble.of(1);
      case AVAILABILITY_RATE -> OptionalDouble.of(r.status() >= 500 ? 0 : 100);
      case PROMPT_TOKENS -> OptionalDouble.of(r.promptTokens());
      case GENERATED_TOKENS -> OptionalDouble.of(r.completionTokens());
      case TOKEN_TRANSACTION, ACTIVE_TOKENS ->
          OptionalDouble.of((double) r.promptTokens() + r.completionTokens());
      case TIME_TO_RESPONSE, NORMALIZED_TTFT ->
          ok(r) ? OptionalDouble.of(r.firstByteMillis()) : OptionalDouble.empty();
      case TIME_TO_LAST_BYTE ->
          ok(r) ? OptionalDouble.of(r.latencyMillis()) : OptionalDouble.empty();
      case TIME_BETWEEN_TOKENS ->
          ok(r) && r.streamed() && r.completionTokens() > 1
              ? OptionalDouble.of(generation / (r.completionTokens() - 1))
              : OptionalDouble.empty();
      case TOKENS_PER_SECOND ->
          ok(r) && r.completionTokens() > 0 && r.latencyMillis() > 0
              ? OptionalDouble.of(
                  r.completionTokens()
                      * 1000.0
                      / (r.streamed() && generation > 0 ? generation : r.latencyMillis()))
              : OptionalDouble.empty();
    };
  }

  private static boolean ok(UsageRecord r) {
    return r.status() < 400;
  }

  /** Azure's units, as the metrics API spells them. */
  public enum Unit {
    COUNT("Count"),
    PERCENT("Percent"),
    MILLISECONDS("MilliSeconds");

    private final String wire;

    Unit(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** Azure's aggregation types; each is a key of a data point ({@code total}, {@code average}…). */
  public enum Aggregation {
    TOTAL("Total"),
    AVERAGE("Average"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum"),
    COUNT("Count");

    private final String wire;

    Aggregation(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The key of a data point: {@code total}, {@code average}, … */
    public String key() {
      return wire.toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> byName(String name) {
      for (Aggregation a : values()) {
        if (a.wire.equalsIgnoreCase(name.strip())) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }
  }

  /** Azure's dimension names and which metric carries which. */
  public static final class Dimension {
    public static final String API_NAME = "ApiName";
    public static final String OPERATION_NAME = "OperationName";
    public static final String REGION = "Region";
    public static final String STREAM_TYPE = "StreamType";
    public static final String DEPLOYMENT = "ModelDeploymentName";
    public static final String MODEL_NAME = "ModelName";
    public static final String MODEL_VERSION = "ModelVersion";
    public static final String STATUS_CODE = "StatusCode";
    public static final String FEATURE_NAME = "FeatureName";
    public static final String USAGE_CHANNEL = "UsageChannel";

    static final List<String> REQUESTS =
        List.of(
            API_NAME,
            OPERATION_NAME,
            REGION,
            STREAM_TYPE,
            DEPLOYMENT,
            MODEL_NAME,
            MODEL_VERSION,
            STATUS_CODE);
    static final List<String> AVAILABILITY =
        List.of(
            API_NAME, OPERATION_NAME, REGION, STREAM_TYPE, DEPLOYMENT, MODEL_NAME, MODEL_VERSION);
    static final List<String> TOKENS =
        List.of(API_NAME, DEPLOYMENT, FEATURE_NAME, USAGE_CHANNEL, REGION, MODEL_VERSION);
    static final List<String> LATENCY = List.of(REGION, DEPLOYMENT, MODEL_NAME, MODEL_VERSION);

    private Dimension() {}
  }
}
