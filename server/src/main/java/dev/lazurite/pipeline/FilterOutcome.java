package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the content filter did to a request: nothing, filtered its prompt, or filtered (part of) its
 * completion, with the categories that were filtered.
 *
 * @param outcome {@code none}, {@code filteredPrompt} or {@code filteredCompletion}
 */
public record FilterOutcome(String outcome, List<String> categories) {
  public static final FilterOutcome NONE = new FilterOutcome("none", List.of());

  public FilterOutcome {
    requireNonNull(outcome, "outcome is null");
    categories = List.copyOf(categories);
  }

  /** A completion the filter cut short, for the categories filtered in {@code results}. */
  public static FilterOutcome completion(JsonNode results) {
    return new FilterOutcome("filteredCompletion", filtered(results));
  }

  /** The names of the categories of {@code content_filter_results} that were filtered. */
  private static List<String> filtered(JsonNode results) {
    List<String> filtered = new ArrayList<>();
    results
        .properties()
        .forEach(
            e -> {
              if (e.getValue().path("filtered").asBoolean(false)) {
                filtered.add(e.getKey());
              }
            });
    return filtered;
  }

  /** Whether the filter did anything. */
  public boolean filtered() {
    return !outcome.equals(NONE.outcome);
  }

  /** The outcome an error tells: a content filter error names the categories it filtered. */
  static FilterOutcome of(ApiException error) {
    if (error.errorCode() != ErrorCode.CONTENT_FILTER) {
      return NONE;
    }
    List<String> filtered = new ArrayList<>();
    error
        .filterResult()
        .ifPresent(
            result ->
                result
                    .properties()
                    .forEach(
                        e -> {
                          JsonNode value = e.getValue();
                          if (value.path("filtered").asBoolean(false)) {
                            filtered.add(e.getKey());
                          }
                        }));
    return new FilterOutcome("filteredPrompt", filtered);
  }
}
