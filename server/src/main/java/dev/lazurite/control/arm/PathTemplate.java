package dev.lazurite.control.arm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}}:
 * literal segments match without regard to case (as ARM's do), {@code {name}} matches one segment,
 * and a last {@code {*name}} matches the rest of the path (none or more segments). The scope of a
 * match is the path up to {@code scopeSegments} segments.
 */
public record PathTemplate(List<String> segments, int scopeSegments) implements PathPattern {
  public PathTemplate {
    segments = List.copyOf(segments);
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).startsWith("{*")) {
        throw new IllegalArgumentException("only the last segment may match the rest");
      }
    }
  }

  /** A template whose scope is the whole path it matches (up to any rest). */
  public static PathTemplate of(String template) {
    var parts = split(template);
    boolean rest = !parts.isEmpty() && parts.getLast().startsWith("{*");
    return new PathTemplate(parts, rest ? parts.size() - 1 : parts.size());
  }

  /** A template whose scope is the path of {@code scope} (a prefix of it). */
  public static PathTemplate of(String template, String scope) {
    var parts = split(template);
    int scopeSegments = split(scope).size();
    if (scopeSegments > parts.size()) {
      throw new IllegalArgumentException("the scope is longer than the template");
    }
    return new PathTemplate(parts, scopeSegments);
  }

  private static List<String> split(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public Optional<Map<String, String>> match(List<String> path) {
    boolean rest = !segments.isEmpty() && segments.getLast().startsWith("{*");
    int fixed = rest ? segments.size() - 1 : segments.size();
    if (rest ? path.size() < fixed : path.size() != fixed) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < fixed; i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{")) {
        values.put(segment.substring(1, segment.length() - 1), path.get(i));
      } else if (!segment.toLowerCase(Locale.ROOT).equals(path.get(i).toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    if (rest) {
      String name = segments.getLast();
      values.put(
          name.substring(2, name.length() - 1), String.join("/", path.subList(fixed, path.size())));
    }
    return Optional.of(values);
  }

  @Override
  public String scope(List<String> path) {
    return "/" + String.join("/", path.subList(0, Math.min(scopeSegments, path.size())));
  }
}
