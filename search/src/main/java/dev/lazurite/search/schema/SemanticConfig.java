package dev.lazurite.search.schema;

import java.util.List;

/**
 * A semantic configuration: the fields the ranker reads, in priority order.
 *
 * @param titleField empty if none
 */
public record SemanticConfig(
    String name, String titleField, List<String> contentFields, List<String> keywordFields) {
  public SemanticConfig {
    contentFields = List.copyOf(contentFields);
    keywordFields = List.copyOf(keywordFields);
  }
}
