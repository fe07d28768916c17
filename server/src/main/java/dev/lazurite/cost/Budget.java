package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cost budget ({@code Microsoft.Consumption/budgets}): an amount per period for the usage its
 * scope and filter select, notifications at thresholds of it, and, beyond Azure, an optional hard
 * cap that refuses model calls once the period's spend reaches the amount.
 *
 * @param scope {@code /subscriptions/{id}} or {@code /subscriptions/{id}/resourceGroups/{rg}}
 * @param start the first day of the first period (always the first of a month)
 * @param end when the budget stops; empty for open-ended
 * @param block whether spend at or over the amount refuses model calls ({@code "enforcement":
 *     "block"})
 */
public record Budget(
    ArmScope scope,
    String name,
    BigDecimal amount,
    TimeGrain timeGrain,
    Instant start,
    Optional<Instant> end,
    BudgetFilter filter,
    Map<String, Notification> notifications,
    boolean block) {
  public Budget {
    requireNonNull(scope, "scope is null");
    requireNonNull(name, "name is null");
    requireNonNull(amount, "amount is null");
    requireNonNull(timeGrain, "timeGrain is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(filter, "filter is null");
    notifications = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notifications));
  }

  /** The ARM id of the budget. */
  public String id() {
    return scope.path() + "/providers/Microsoft.Consumption/budgets/" + name;
  }

  /** Whether the budget applies at {@code now}: on or after its start, before its end. */
  public boolean active(Instant now) {
    return !now.isBefore(start) && end.map(now::isBefore).orElse(true);
  }

  /** The period {@code now} falls in: periods follow each other from the start date. */
  public Period period(Instant now) {
    ZonedDateTime first = start.atZone(ZoneOffset.UTC);
    long months = ChronoUnit.MONTHS.between(first, now.atZone(ZoneOffset.UTC));
    long index = Math.max(0, months / timeGrain.months());
    ZonedDateTime from = first.plusMonths(index * timeGrain.months());
    return new Period(from.toInstant(), from.plusMonths(timeGrain.months()).toInstant());
  }

  /** One period of a budget, {@code [from, to)}. */
  public record Period(Instant from, Instant to) {}

  /** How long each period is. */
  public enum TimeGrain {
    MONTHLY("Monthly", 1),
    QUARTERLY("Quarterly", 3),
    ANNUALLY("Annually", 12),
    BILLING_MONTH("BillingMonth", 1),
    BILLING_QUARTER("BillingQuarter", 3),
    BILLING_ANNUAL("BillingAnnual", 12);

    private final String wire;
    private final int months;

    TimeGrain(String wire, int months) {
      this.wire = wire;
      this.months = months;
    }

    public String wire() {
      return wire;
    }

    int months() {
      return months;
    }

    static Optional<TimeGrain> parse(String text) {
      for (TimeGrain grain : values()) {
        if (grain.wire.equalsIgnoreCase(text)) {
          return Optional.of(grain);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One notification of a budget.
   *
   * @param threshold percent of the amount, 0 to 1000
   * @param contactGroups the ARM ids of the action groups whose webhooks are called
   */
  public record Notification(
      boolean enabled,
      Operator operator,
      BigDecimal threshold,
      ThresholdType thresholdType,
      List<String> contactEmails,
      List<String> contactRoles,
      List<String> contactGroups,
      String locale) {
    public Notification {
      requireNonNull(operator, "operator is null");
      requireNonNull(threshold, "threshold is null");
      requireNonNull(thresholdType, "thresholdType is null");
      contactEmails = List.copyOf(contactEmails);
      contactRoles = List.copyOf(contactRoles);
      contactGroups = List.copyOf(contactGroups);
      requireNonNull(locale, "locale is null");
    }

    /** Whether {@code spend} crosses this threshold of {@code amount}. */
    public boolean crossed(BigDecimal spend, BigDecimal amount) {
      BigDecimal limit = amount.multiply(threshold).movePointLeft(2);
      int c = spend.compareTo(limit);
      return switch (operator) {
        case EQUAL_TO -> c == 0;
        case GREATER_THAN -> c > 0;
        case GREATER_THAN_OR_EQUAL_TO -> c >= 0;
      };
    }
  }

  public enum Operator {
    EQUAL_TO("EqualTo"),
    GREATER_THAN("GreaterThan"),
    GREATER_THAN_OR_EQUAL_TO("GreaterThanOrEqualTo");

    private final String wire;

    Operator(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Optional<Operator> parse(String text) {
      for (Operator o : values()) {
        if (o.wire.equalsIgnoreCase(text)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  public enum ThresholdType {
    ACTUAL("Actual"),
    FORECASTED("Forecasted");

    private final String wire;

    ThresholdType(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Optional<ThresholdType> parse(String text) {
      for (ThresholdType t : values()) {
        if (t.wire.equalsIgnoreCase(text)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
