package dev.lazurite.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which usage a budget counts: every condition must hold ({@code filter.and}); a dimension or tag
 * condition holds when the usage's value is one of its values. An empty filter counts everything in
 * the budget's scope.
 *
 * <p>A {@code PrincipalGroup} condition holds when the caller is in one of its Entra groups.
 *
 * @param dimensions {@code ResourceGroupName}, {@code ResourceId} or {@code PrincipalGroup}, to the
 *     values (in any case)
 * @param tags tag name to values, compared exactly
 */
public record BudgetFilter(Map<String, Set<String>> dimensions, Map<String, Set<String>> tags) {
  public static final String RESOURCE_GROUP = "ResourceGroupName";
  public static final String RESOURCE_ID = "ResourceId";
  public static final String GROUP = CostQuery.GROUP;
  public static final List<String> DIMENSIONS = List.of(RESOURCE_GROUP, RESOURCE_ID, GROUP);
  public static final BudgetFilter NONE = new BudgetFilter(Map.of(), Map.of());

  public BudgetFilter {
    dimensions = Map.copyOf(dimensions);
    tags = Map.copyOf(tags);
  }

  public boolean matches(CostLine line, String subscription) {
    for (var d : dimensions.entrySet()) {
      Set<String> values = lower(d.getValue());
      boolean hit =
          switch (d.getKey()) {
            case RESOURCE_GROUP -> values.contains(line.resourceGroup().toLowerCase(Locale.ROOT));
            case GROUP ->
                line.groups().stream().anyMatch(g -> values.contains(g.toLowerCase(Locale.ROOT)));
            default ->
                values.contains(line.accountId(subscription).toLowerCase(Locale.ROOT))
                    || values.contains(line.resourceId(subscription).toLowerCase(Locale.ROOT));
          };
      if (!hit) {
        return false;
      }
    }
    for (var t : tags.entrySet()) {
      String value = line.tags().get(t.getKey());
      if (value == null || !t.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a group passes this filter's group condition (every group does without one). */
  public boolean admitsGroup(String group) {
    Set<String> values = dimensions.get(GROUP);
    return values == null || lower(values).contains(group.toLowerCase(Locale.ROOT));
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
