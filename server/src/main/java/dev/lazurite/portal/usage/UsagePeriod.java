package dev.lazurite.portal.usage;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The usage page's period picker, as its GET form sends it: the first and last day (UTC, both
 * included), day or hour buckets, what the usage is split by, and the Entra group it is narrowed
 * to, if any.
 *
 * @param tag the tag key when {@code by} is {@link By#TAG}, else empty
 * @param entraGroup the object id of the Entra group whose members' calls are shown, else empty
 *     (every caller)
 */
public record UsagePeriod(
    LocalDate from, LocalDate to, Granularity granularity, By by, String tag, String entraGroup) {
  /** At most this many days in daily buckets. */
  public static final int MAX_DAYS = 92;

  /** At most this many days in hourly buckets (one query per hour). */
  public static final int MAX_HOURLY_DAYS = 3;

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");
  private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9\\-]{1,64}");

  /** Bucket width. */
  public enum Granularity {
    DAY,
    HOUR
  }

  /** What a row of the report names. */
  public enum By {
    DEPLOYMENT("Deployment"),
    KEY("Key slot"),
    PRINCIPAL("Principal"),
    GROUP("Entra group"),
    TAG("Tag value");

    private final String label;

    By(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The label in lower case, inside a sentence. */
    public String noun() {
      return label.toLowerCase(java.util.Locale.ROOT);
    }

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public UsagePeriod {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(granularity, "granularity is null");
    requireNonNull(by, "by is null");
    requireNonNull(tag, "tag is null");
    requireNonNull(entraGroup, "entraGroup is null");
  }

  /** The period a query string asks for; the last seven days by deployment when it names none. */
  public static UsagePeriod parse(Map<String, String> query, LocalDate today) {
    Granularity granularity =
        switch (field(query, "granularity").orElse("day")) {
          case "day" -> Granularity.DAY;
          case "hour" -> Granularity.HOUR;
          default -> throw invalid("The granularity must be day or hour.");
        };
    LocalDate to = field(query, "to").map(t -> date(t, "to")).orElse(today);
    LocalDate from =
        field(query, "from")
            .map(f -> date(f, "from"))
            .orElse(granularity == Granularity.DAY ? to.minusDays(6) : to);
    if (to.isBefore(from)) {
      throw invalid("The period must end on or after the day it starts.");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    int max = granularity == Granularity.DAY ? MAX_DAYS : MAX_HOURLY_DAYS;
    if (days > max) {
      throw invalid(
          "A period of %s buckets spans at most %d days."
              .formatted(granularity.name().toLowerCase(java.util.Locale.ROOT), max));
    }
    By by =
        switch (field(query, "by").orElse("deployment")) {
          case "deployment" -> By.DEPLOYMENT;
          case "key" -> By.KEY;
          case "principal" -> By.PRINCIPAL;
          case "group" -> By.GROUP;
          case "tag" -> By.TAG;
          default -> throw invalid("Split the usage by deployment, key, principal, group or tag.");
        };
    String tag = by == By.TAG ? field(query, "tag").orElse("") : "";
    if (by == By.TAG && !TAG.matcher(tag).matches()) {
      throw invalid("Name the tag key to split by (letters, digits, _ . : -, at most 128).");
    }
    String entraGroup = field(query, "entraGroup").orElse("");
    if (!entraGroup.isEmpty() && !OBJECT_ID.matcher(entraGroup).matches()) {
      throw invalid("Name the Entra group by its object id (letters, digits and -, at most 64).");
    }
    return new UsagePeriod(from, to, granularity, by, tag, entraGroup);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The end, exclusive: the start of the day after {@link #to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The start of every bucket, in order. */
  public List<Instant> buckets() {
    Duration step = granularity == Granularity.DAY ? Duration.ofDays(1) : Duration.ofHours(1);
    List<Instant> starts = new ArrayList<>();
    for (Instant t = start(); t.isBefore(end()); t = t.plus(step)) {
      starts.add(t);
    }
    return starts;
  }

  /** How a bucket is labelled: {@code 2026-12-06}, or {@code 2026-12-06 14:00}. */
  public String label(Instant bucket) {
    String text = bucket.toString();
    return granularity == Granularity.DAY
        ? text.substring(0, 10)
        : text.substring(0, 10) + " " + text.substring(11, 13) + ":00";
  }

  private static Optional<String> field(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static LocalDate date(String text, String field) {
    if (text.length() > 10) {
      throw invalid("The '%s' date must be YYYY-MM-DD.".formatted(field));
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid("The '%s' date must be YYYY-MM-DD, got '%s'.".formatted(field, text));
    }
  }

  private static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
