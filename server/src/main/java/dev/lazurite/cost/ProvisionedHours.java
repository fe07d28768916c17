package dev.lazurite.cost;

import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What provisioned deployments cost: Azure bills them per PTU-hour whether they are used or not
 * (the price per PTU-hour times the deployment's capacity in PTUs times the hours it had that
 * capacity in the window), and not per token. The hours follow the deployment's capacity history:
 * each change of capacity starts a new period, and a deleted deployment (or one moved off a
 * provisioned SKU) is charged up to that moment. One line per deployment and day, beside the usage
 * lines, so that the cost report and the budgets count them alike. A deployment without a {@code
 * Provisioned} price row for its model costs nothing. A deployment created before its history was
 * kept counts from its creation with its current capacity.
 */
final class ProvisionedHours {
  /** The caller provisioned hours are attributed to: the deployment itself, not a principal. */
  static final String CALLER = "provisioned";

  private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

  private ProvisionedHours() {}

  /**
   * The lines of {@code [from, to)}, up to {@code now}.
   *
   * @param history every deployment's capacity changes, oldest first
   */
  static List<CostLine> lines(
      List<CapacityChange> history,
      RuntimeSnapshot snapshot,
      CostCache cache,
      Instant from,
      Instant to,
      Instant now) {
    Instant end = to.isBefore(now) ? to : now;
    List<CostLine> lines = new ArrayList<>();
    if (!end.isAfter(from)) {
      return lines;
    }
    Map<String, List<CapacityChange>> byDeployment = new LinkedHashMap<>();
    for (CapacityChange c : history) {
      byDeployment.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Map<String, String>> accountTags = new HashMap<>();
    for (AccountRuntime account : snapshot.accounts().values()) {
      accountTags.put(account.account().name(), account.account().metadata().tags());
      for (DeploymentRuntime runtime : account.deployments().values()) {
        var d = runtime.deployment();
        byDeployment.computeIfAbsent(
            d.account() + "/" + d.name(),
            k ->
                List.of(
                    new CapacityChange(
                        d.account(),
                        account.account().resourceGroup(),
                        d.name(),
                        d.model().name(),
                        d.model().version(),
                        d.sku().name(),
                        d.sku().capacity(),
                        d.createdAt())));
      }
    }
    for (List<CapacityChange> changes : byDeployment.values()) {
      Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
      for (int i = 0; i < changes.size(); i++) {
        CapacityChange c = changes.get(i);
        Instant a = c.at().isAfter(from) ? c.at() : from;
        Instant next = i + 1 < changes.size() ? changes.get(i + 1).at() : end;
        Instant b = next.isBefore(end) ? next : end;
        Optional<BigDecimal> perHour = perHour(c, cache);
        if (b.isAfter(a) && perHour.isPresent()) {
          charge(days, perHour.get().multiply(BigDecimal.valueOf(c.capacity())), a, b);
        }
      }
      CapacityChange last = changes.getLast();
      Map<String, String> tags = new HashMap<>(accountTags.getOrDefault(last.account(), Map.of()));
      tags.putAll(cache.deploymentTags(last.account(), last.deployment()));
      days.forEach(
          (day, usd) ->
              lines.add(
                  new CostLine(
                      last.account(),
                      last.resourceGroup(),
                      last.deployment(),
                      CALLER,
                      tags,
                      day,
                      0,
                      0,
                      0,
                      0,
                      Pricing.pico(usd))));
    }
    return lines;
  }

  /** The price per hour of the period's capacity unit, when it is charged at all. */
  private static Optional<BigDecimal> perHour(CapacityChange c, CostCache cache) {
    if (!c.charged()) {
      return Optional.empty();
    }
    return cache
        .prices()
        .find(c.modelName(), c.modelVersion(), DeploymentType.PROVISIONED)
        .map(Price::perHour)
        .filter(p -> p.signum() != 0);
  }

  /** Adds {@code perHour} over {@code [a, b)} to each UTC day it covers. */
  private static void charge(
      Map<LocalDate, BigDecimal> days, BigDecimal perHour, Instant a, Instant b) {
    for (LocalDate day = LocalDate.ofInstant(a, ZoneOffset.UTC);
        day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(b);
        day = day.plusDays(1)) {
      Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant s = a.isAfter(dayStart) ? a : dayStart;
      Instant e = b.isBefore(dayEnd) ? b : dayEnd;
      if (e.isAfter(s)) {
        BigDecimal usd =
            perHour
                .multiply(BigDecimal.valueOf(Duration.between(s, e).toMillis()))
                .divide(MILLIS_PER_HOUR, 12, RoundingMode.HALF_EVEN);
        days.merge(day, usd, BigDecimal::add);
      }
    }
  }
}
