package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cost report: the usage lines of a scope and time window, filtered, summed per group and
 * optionally per day. It sums the same lines budgets do, so a report and a budget over the same
 * window and filter show the same amount.
 *
 * <p>Grouped by {@code PrincipalGroup}, a request counts once in each of its caller's Entra groups,
 * so the group rows may sum to more than the total; callers without groups (API keys, internal
 * calls) are under {@value #NO_GROUP}.
 *
 * @param groupings dimension names ({@code ResourceGroupName}, {@code ResourceId}, {@code
 *     ModelDeploymentName}, {@code Principal}, {@code PrincipalGroup}) or {@code tag:KEY}
 */
public record CostQuery(
    ArmScope scope,
    Instant from,
    Instant to,
    boolean daily,
    List<String> groupings,
    BudgetFilter filter) {
  public static final String DEPLOYMENT = "ModelDeploymentName";
  public static final String PRINCIPAL = "Principal";
  public static final String GROUP = "PrincipalGroup";

  /** The group value of usage by callers without groups. */
  public static final String NO_GROUP = "(none)";

  public static final String TAG = "tag:";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  public CostQuery {
    requireNonNull(scope, "scope is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    groupings = List.copyOf(groupings);
    requireNonNull(filter, "filter is null");
  }

  /**
   * One row: the cost, the day ({@code yyyyMMdd}, daily only), the group's values and its tokens
   * ({@code cachedPromptTokens} are part of {@code promptTokens}) and its request count.
   */
  public record Row(
      BigDecimal usd,
      String day,
      List<String> groups,
      long promptTokens,
      long completionTokens,
      long cachedPromptTokens,
      long requests) {}

  public List<Row> run(List<CostLine> lines, String subscription) {
    Map<List<String>, long[]> sums = new LinkedHashMap<>();
    for (CostLine line : lines) {
      if (!scope.covers(line.resourceGroup()) || !filter.matches(line, subscription)) {
        continue;
      }
      for (List<String> key : keys(line, subscription)) {
        long[] acc = sums.computeIfAbsent(key, k -> new long[5]);
        acc[0] = Math.addExact(acc[0], line.picoUsd());
        acc[1] += line.promptTokens();
        acc[2] += line.completionTokens();
        acc[3] += line.cachedPromptTokens();
        acc[4] += line.requests();
      }
    }
    List<Row> rows = new ArrayList<>();
    sums.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(CostQuery::compare))
        .forEach(
            e ->
                rows.add(
                    new Row(
                        Pricing.display(e.getValue()[0]),
                        e.getKey().getFirst(),
                        e.getKey().subList(1, e.getKey().size()),
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4])));
    return rows;
  }

  /** The day and group values a line counts under: one key, or one per group of its caller. */
  private List<List<String>> keys(CostLine line, String subscription) {
    List<List<String>> keys = new ArrayList<>();
    keys.add(List.of(daily ? DAY.format(line.day()) : ""));
    for (String g : groupings) {
      List<String> values =
          g.equals(GROUP)
              ? (line.groups().isEmpty()
                  ? List.of(NO_GROUP)
                  : line.groups().stream().filter(filter::admitsGroup).toList())
              : List.of(value(line, g, subscription));
      List<List<String>> next = new ArrayList<>(keys.size() * values.size());
      for (List<String> key : keys) {
        for (String v : values) {
          List<String> longer = new ArrayList<>(key);
          longer.add(v);
          next.add(longer);
        }
      }
      keys = next;
    }
    return keys;
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String value(CostLine line, String grouping, String subscription) {
    if (grouping.startsWith(TAG)) {
      return line.tags().getOrDefault(grouping.substring(TAG.length()), "");
    }
    return switch (grouping) {
      case BudgetFilter.RESOURCE_GROUP -> line.resourceGroup();
      case BudgetFilter.RESOURCE_ID -> line.resourceId(subscription);
      case DEPLOYMENT -> line.deployment();
      case PRINCIPAL -> line.caller();
      default -> throw new IllegalArgumentException("unknown grouping " + grouping);
    };
  }
}
