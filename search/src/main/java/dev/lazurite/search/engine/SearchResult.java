package dev.lazurite.search.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a search found.
 *
 * @param count the total number of matches, when the query asked for it
 * @param more whether results exist beyond this page (for paging when {@code top} was not given)
 */
public record SearchResult(
    OptionalLong count,
    List<Hit> hits,
    Map<String, List<FacetBucket>> facets,
    List<Answer> answers,
    boolean more) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
    answers = List.copyOf(answers);
  }

  /**
   * One result.
   *
   * @param rerankerScore present for semantic queries
   * @param highlights field name to fragments, when highlighting was asked for
   */
  public record Hit(
      ObjectNode document,
      double score,
      OptionalDouble rerankerScore,
      Map<String, List<String>> highlights,
      List<Caption> captions) {
    public Hit {
      highlights = Map.copyOf(highlights);
      captions = List.copyOf(captions);
    }
  }

  /** A facet value and its count; {@code value} is a String, Long, Double or Boolean. */
  public record FacetBucket(Object value, long count) {}

  public record Caption(String text, String highlights) {}

  public record Answer(String key, String text, String highlights, double score) {}
}
