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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What provisioned deployments cost: Azure bills them per PTU-hour whether they are used or not
 * (the price per PTU-hour times the deployment's capacity in PTUs times the hours it existed in the
 * window), and not per token. One line per deployment and day, beside the usage lines, so that the
 * cost report and the budgets count them alike. A deployment without a {@code Provisioned} price
 * row costs nothing; hours are counted from its creation to now, so a deleted deployment's hours
 * are no longer counted.
 */
final class ProvisionedHours {
  /** The caller provisioned hours are attributed to: the deployment itself, not a principal. */
  static final String CALLER = "provisioned";

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private ProvisionedHours() {}

  /** The lines of {@code [from, to)}, up to {@code now}. */
  static List<CostLine> lines(
      RuntimeSnapshot snapshot, CostCache cache, Instant from, Instant to, Instant now) {
    Instant end = to.isBefore(now) ? to : now;
    List<CostLine> lines = new ArrayList<>();
    if (!end.isAfter(from)) {
      return lines;
    }
    for (AccountRuntime account : snapshot.accounts().values()) {
      for (DeploymentRuntime runtime : account.deployments().values()) {
        var d = runtime.deployment();
        if (DeploymentType.ofSku(d.sku().name()) != DeploymentType.PROVISIONED) {
          continue;
        }
        Optional<Price> price =
            cache.prices().find(d.model().name(), d.model().version(), DeploymentType.PROVISIONED);
        if (price.isEmpty() || price.get().perHour().signum() == 0) {
          continue;
        }
        BigDecimal perSecond =
            price.get().perHour().multiply(BigDecimal.valueOf(d.sku().capacity()));
        Map<String, String> tags = new HashMap<>(account.account().metadata().tags());
        tags.putAll(cache.deploymentTags(d.account(), d.name()));
        Instant start = d.createdAt().isAfter(from) ? d.createdAt() : from;
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(end);
            day = day.plusDays(1)) {
          Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
          Instant a = start.isAfter(dayStart) ? start : dayStart;
          Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
          Instant b = end.isBefore(dayEnd) ? end : dayEnd;
          if (!b.isAfter(a)) {
            continue;
          }
          long millis = Duration.between(a, b).toMillis();
          BigDecimal usd =
              perSecond
                  .multiply(BigDecimal.valueOf(millis, 3))
                  .divide(SECONDS_PER_HOUR, 12, RoundingMode.HALF_EVEN);
          lines.add(
              new CostLine(
                  d.account(),
                  account.account().resourceGroup(),
                  d.name(),
                  CALLER,
                  tags,
                  day,
                  0,
                  0,
                  0,
                  0,
                  Pricing.pico(usd)));
        }
      }
    }
    return lines;
  }
}
