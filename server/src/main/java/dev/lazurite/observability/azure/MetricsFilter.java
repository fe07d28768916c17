package dev.lazurite.observability.azure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metrics query's {@code $filter}: dimension conditions joined by {@code and}, each one value
 * ({@code ModelDeploymentName eq 'gpt-4o'}), several ({@code (StatusCode eq '200' or StatusCode eq
 * '429')}) or all of them ({@code StatusCode eq '*'}). Every named dimension splits the result into
 * one series per value; named values also restrict it.
 *
 * @param dimensions each named dimension in Azure's spelling, with its values (empty for {@code *})
 */
public record MetricsFilter(Map<String, Set<String>> dimensions) {
  private static final Pattern CONDITION =
      Pattern.compile("^\\s*([A-Za-z]+)\\s+eq\\s+'([^']*)'\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);
  private static final int MAX_LENGTH = 4096;

  public MetricsFilter {
    var copy = new LinkedHashMap<String, Set<String>>();
    dimensions.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    dimensions = java.util.Collections.unmodifiableMap(copy);
  }

  public static final MetricsFilter NONE = new MetricsFilter(Map.of());

  /** Whether a record with these dimension values passes. */
  boolean admits(Map<String, String> values) {
    for (var entry : dimensions.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        String value = values.getOrDefault(entry.getKey(), "");
        if (entry.getValue().stream().noneMatch(v -> v.equalsIgnoreCase(value))) {
          return false;
        }
      }
    }
    return true;
  }

  static MetricsFilter parse(String text, List<AzureMetric> metrics) {
    if (text.isBlank()) {
      return NONE;
    }
    if (text.length() > MAX_LENGTH) {
      throw MetricsQuery.bad("The $filter is longer than " + MAX_LENGTH + " characters.");
    }
    Map<String, Set<String>> dimensions = new LinkedHashMap<>();
    for (String clause : AND.split(unwrap(text.strip()))) {
      String dimension = null;
      Set<String> values = new LinkedHashSet<>();
      for (String condition : OR.split(unwrap(clause.strip()))) {
        Matcher m = CONDITION.matcher(unwrap(condition.strip()));
        if (!m.matches()) {
          throw MetricsQuery.bad(
              "Invalid $filter '"
                  + text
                  + "': expected conditions such as ModelDeploymentName eq 'name', joined by"
                  + " 'and' and 'or'.");
        }
        String name = canonical(m.group(1), metrics);
        if (dimension != null && !dimension.equals(name)) {
          throw MetricsQuery.bad(
              "Invalid $filter '" + text + "': an 'or' may only join values of one dimension.");
        }
        dimension = name;
        if (!m.group(2).equals("*")) {
          values.add(m.group(2));
        }
      }
      if (dimensions.containsKey(dimension)) {
        throw MetricsQuery.bad(
            "Invalid $filter '" + text + "': dimension " + dimension + " is named twice.");
      }
      dimensions.put(dimension, values);
    }
    return new MetricsFilter(dimensions);
  }

  /** Azure's spelling of a dimension every queried metric has. */
  private static String canonical(String name, List<AzureMetric> metrics) {
    for (AzureMetric metric : metrics) {
      if (metric.dimensions().stream().noneMatch(d -> d.equalsIgnoreCase(name))) {
        throw MetricsQuery.bad(
            "Metric: "
                + metric.restName()
                + " does not support requested dimension combination: "
                + name
                + ", supported ones are: "
                + String.join(",", metric.dimensions()));
      }
    }
    List<String> all = new ArrayList<>(metrics.getFirst().dimensions());
    return all.stream().filter(d -> d.equalsIgnoreCase(name)).findFirst().orElseThrow();
  }

  private static String unwrap(String text) {
    String t = text;
    while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static boolean balanced(String t) {
    int depth = 0;
    for (char c : t.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
