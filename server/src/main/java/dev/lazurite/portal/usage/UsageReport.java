package dev.lazurite.portal.usage;

import dev.lazurite.control.Account;
import dev.lazurite.cost.ArmScope;
import dev.lazurite.cost.BudgetFilter;
import dev.lazurite.cost.CostQuery;
import dev.lazurite.cost.CostService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A resource's usage over a period, from the cost report's own query: the same priced usage lines
 * and the same {@link CostQuery} that {@code lazurite cost query} and the Cost Management query
 * route answer with, narrowed to the resource. Daily buckets are one daily query; hourly buckets
 * are one query per hour. Split by Entra group, a call counts once in each of its caller's groups
 * (callers without one under {@value CostQuery#NO_GROUP}), as in the cost report.
 */
public final class UsageReport {
  private final CostService cost;

  public UsageReport(CostService cost) {
    this.cost = cost;
  }

  /** The rows, bucket by bucket, each bucket's groups in order. */
  public List<UsageRow> rows(Account account, UsagePeriod period) {
    ArmScope scope = new ArmScope(account.subscriptionId(), Optional.of(account.resourceGroup()));
    Map<String, Set<String>> dimensions = new HashMap<>();
    dimensions.put(BudgetFilter.RESOURCE_ID, Set.of(accountId(account)));
    if (!period.entraGroup().isEmpty()) {
      // The calls of the group's members; split by group, only that group's row.
      dimensions.put(BudgetFilter.GROUP, Set.of(period.entraGroup()));
    }
    BudgetFilter filter = new BudgetFilter(dimensions, Map.of());
    String grouping =
        switch (period.by()) {
          case DEPLOYMENT -> CostQuery.DEPLOYMENT;
          case KEY, PRINCIPAL -> CostQuery.PRINCIPAL;
          case GROUP -> CostQuery.GROUP;
          case TAG -> CostQuery.TAG + period.tag();
        };
    List<UsageRow> rows = new ArrayList<>();
    switch (period.granularity()) {
      case DAY -> {
        var query =
            new CostQuery(scope, period.start(), period.end(), true, List.of(grouping), filter);
        for (var row : query.run(cost.lines(period.start(), period.end()), cost.subscription())) {
          String day = row.day();
          String bucket = day.substring(0, 4) + "-" + day.substring(4, 6) + "-" + day.substring(6);
          add(rows, account, period, bucket, row);
        }
      }
      case HOUR -> {
        for (Instant hour : period.buckets()) {
          Instant end = hour.plus(Duration.ofHours(1));
          var query = new CostQuery(scope, hour, end, false, List.of(grouping), filter);
          for (var row : query.run(cost.lines(hour, end), cost.subscription())) {
            add(rows, account, period, period.label(hour), row);
          }
        }
      }
    }
    return rows;
  }

  private static void add(
      List<UsageRow> rows, Account account, UsagePeriod period, String bucket, CostQuery.Row row) {
    String group = row.groups().getFirst();
    String keyPrefix = account.name() + "/";
    switch (period.by()) {
      case KEY -> {
        if (!group.startsWith(keyPrefix)) {
          return;
        }
        group = group.substring(keyPrefix.length());
      }
      case PRINCIPAL -> {
        if (group.startsWith(keyPrefix)) {
          return;
        }
      }
      case DEPLOYMENT, GROUP, TAG -> {}
    }
    rows.add(
        new UsageRow(
            bucket,
            group.isEmpty() ? "(none)" : group,
            row.requests(),
            row.promptTokens(),
            row.cachedPromptTokens(),
            row.completionTokens(),
            row.usd()));
  }

  private static String accountId(Account account) {
    return "/subscriptions/"
        + account.subscriptionId()
        + "/resourceGroups/"
        + account.resourceGroup()
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + account.name();
  }
}
