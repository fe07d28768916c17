package dev.lazurite.observability.azure;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.observability.azure.AzureMetric.Aggregation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One query of Azure Monitor's metrics API, as {@code az monitor metrics list} and the portal send
 * it: {@code metricnames}, {@code aggregation}, {@code interval}, {@code timespan}, {@code
 * $filter}, {@code top}, {@code orderby} and {@code resultType}.
 *
 * @param aggregations empty when the query names none: each metric's primary aggregation is used
 * @param interval the grain; the whole span for {@code FULL}
 * @param full whether the query asked for one value over the whole span ({@code interval=FULL})
 * @param filter the dimensions the query splits by or restricts
 * @param metadataOnly {@code resultType=Metadata}: the series without their data
 */
public record MetricsQuery(
    List<AzureMetric> metrics,
    List<Aggregation> aggregations,
    Instant from,
    Instant to,
    Duration interval,
    boolean full,
    MetricsFilter filter,
    int top,
    boolean metadataOnly) {
  /** The grains Azure Monitor accepts. */
  static final Set<Duration> GRAINS =
      Set.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1));

  /** The longest span a query may cover: Azure Monitor's retention of platform metrics. */
  static final Duration RETENTION = Duration.ofDays(93);

  public MetricsQuery {
    metrics = List.copyOf(metrics);
    aggregations = List.copyOf(aggregations);
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(interval, "interval is null");
    requireNonNull(filter, "filter is null");
  }

  /**
   * Reads a query; a value Azure would refuse is refused with Azure Monitor's {@code BadRequest}.
   *
   * @param now the end of the default span (the last hour)
   */
  public static MetricsQuery parse(Function<String, Optional<String>> query, Instant now) {
    List<AzureMetric> metrics = new ArrayList<>();
    for (String name : list(query.apply("metricnames").orElse(AzureMetric.REQUESTS.restName()))) {
      AzureMetric metric =
          AzureMetric.byName(name)
              .orElseThrow(
                  () ->
                      bad(
                          "Failed to find metric configuration for provider:"
                              + " Microsoft.CognitiveServices, resource Type: accounts, metric: "
                              + name
                              + ", Valid metrics: "
                              + String.join(
                                  ",",
                                  java.util.Arrays.stream(AzureMetric.values())
                                      .map(AzureMetric::restName)
                                      .toList())));
      if (!metrics.contains(metric)) {
        metrics.add(metric);
      }
    }
    List<Aggregation> aggregations = new ArrayList<>();
    for (String name : list(query.apply("aggregation").orElse(""))) {
      Aggregation aggregation =
          Aggregation.byName(name)
              .orElseThrow(
                  () ->
                      bad(
                          "Invalid aggregation type: '"
                              + name
                              + "'. Valid values: Total, Average, Minimum, Maximum, Count."));
      if (!aggregations.contains(aggregation)) {
        aggregations.add(aggregation);
      }
    }
    Instant[] span = timespan(query.apply("timespan").orElse(""), now);
    Duration interval = interval(query.apply("interval").orElse("PT1M"), span);
    int top = top(query.apply("top").orElse("10"));
    MetricsFilter filter = MetricsFilter.parse(query.apply("$filter").orElse(""), metrics);
    boolean metadataOnly =
        query.apply("resultType").orElse("Data").strip().equalsIgnoreCase("metadata");
    return new MetricsQuery(
        metrics,
        aggregations,
        span[0],
        span[1],
        interval,
        query.apply("interval").orElse("").strip().equalsIgnoreCase("FULL"),
        filter,
        top,
        metadataOnly);
  }

  private static List<String> list(String text) {
    return java.util.Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** {@code start/end} or {@code start/duration}; the CLI URL-encodes it once more than needed. */
  static Instant[] timespan(String raw, Instant now) {
    if (raw.isBlank()) {
      return new Instant[] {now.minus(Duration.ofHours(1)), now};
    }
    String text = raw.strip();
    if (text.contains("%")) {
      try {
        text = URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw badTimespan(raw);
      }
    }
    String[] parts = text.split("/");
    if (parts.length != 2) {
      throw badTimespan(raw);
    }
    Instant start = instant(parts[0], raw);
    Instant end =
        parts[1].strip().toUpperCase(Locale.ROOT).startsWith("P")
            ? start.plus(duration(parts[1], () -> badTimespan(raw)))
            : instant(parts[1], raw);
    if (!end.isAfter(start)) {
      throw bad("Invalid timespan '" + raw + "': the end time must be after the start time.");
    }
    if (Duration.between(start, end).compareTo(RETENTION) > 0) {
      throw bad("Invalid timespan '" + raw + "': a query may cover at most 93 days.");
    }
    return new Instant[] {start, end};
  }

  private static Instant instant(String text, String raw) {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException offsetMissing) {
      try {
        // Python's isoformat() of a naive UTC time, which the CLI sends.
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw badTimespan(raw);
      }
    }
  }

  private static Duration interval(String raw, Instant[] span) {
    if (raw.strip().equalsIgnoreCase("FULL")) {
      return Duration.between(span[0], span[1]);
    }
    Duration grain =
        duration(
            raw,
            () ->
                bad("Invalid interval '" + raw + "': expected an ISO 8601 duration such as PT1M."));
    if (!GRAINS.contains(grain)) {
      throw bad(
          "Invalid interval '"
              + raw
              + "'. Supported time grains: PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D, FULL.");
    }
    return grain;
  }

  private static Duration duration(String text, java.util.function.Supplier<ApiException> error) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    try {
      if (t.startsWith("P") && t.contains("D") && !t.contains("T")) {
        return Duration.ofDays(Long.parseLong(t.substring(1, t.indexOf('D'))));
      }
      Duration d = Duration.parse(t);
      if (d.isNegative() || d.isZero()) {
        throw error.get();
      }
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw error.get();
    }
  }

  private static int top(String raw) {
    try {
      int top = Integer.parseInt(raw.strip());
      if (top < 1) {
        throw bad("Invalid top '" + raw + "': it must be a positive integer.");
      }
      return top;
    } catch (NumberFormatException e) {
      throw bad("Invalid top '" + raw + "': it must be a positive integer.");
    }
  }

  /** The first grain boundary at or before the span's start: where Azure's series begin. */
  Instant alignedStart() {
    long grain = interval.toSeconds();
    if (full) {
      return from;
    }
    long seconds = from.getEpochSecond();
    return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, grain));
  }

  /** The timespan as Azure echoes it. */
  String timespanText() {
    return from.truncatedTo(ChronoUnit.SECONDS) + "/" + to.truncatedTo(ChronoUnit.SECONDS);
  }

  static ApiException bad(String message) {
    return ApiException.of(ErrorCode.ARM_METRICS_BAD_REQUEST, message);
  }

  private static ApiException badTimespan(String raw) {
    return bad(
        "Invalid timespan '"
            + raw
            + "': expected 'start/end' or 'start/duration' in ISO 8601, such as"
            + " 2024-01-01T00:00:00Z/2024-01-01T01:00:00Z.");
  }
}
