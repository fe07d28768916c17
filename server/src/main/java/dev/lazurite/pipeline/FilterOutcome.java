package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the content filter did to a request: nothing, or filtered its prompt (with the categories
 * that were filtered).
 *
 * @param outcome {@code none} or {@code filteredPrompt}
 */
public record FilterOutcome(String outcome, List<String> categories) {
  public static final FilterOutcome NONE = new FilterOutcome("none", List.of());

  public FilterOutcome {
    requireNonNull(outcome, "outcome is null");
    categories = List.copyOf(categories);
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
