package dev.lazurite.portal.playground;

import static java.util.Objects.requireNonNull;

import dev.lazurite.search.schema.IndexSchema;
import dev.lazurite.search.schema.SearchField;
import java.util.ArrayList;
import java.util.List;

/**
 * An index of one of this server's search services that the playground can ground answers in, and
 * the On Your Data query types it supports: {@code simple} with a searchable text field, {@code
 * semantic} with a semantic configuration, the vector types with a vector field whose profile has
 * an integrated vectorizer (the question is embedded by the index itself).
 *
 * @param semanticConfiguration the configuration semantic queries name: the index's default, else
 *     its first; empty without one
 */
public record DataChoice(
    String service, String index, List<String> queryTypes, String semanticConfiguration) {
  public DataChoice {
    requireNonNull(service, "service is null");
    requireNonNull(index, "index is null");
    queryTypes = List.copyOf(queryTypes);
    requireNonNull(semanticConfiguration, "semanticConfiguration is null");
  }

  /** What the form sends: {@code service/index}. */
  public String value() {
    return service + "/" + index;
  }

  /** The query types, space-separated, as the page's script reads them. */
  public String queryTypeList() {
    return String.join(" ", queryTypes);
  }

  static DataChoice of(String service, IndexSchema schema) {
    boolean text = schema.fields().stream().anyMatch(SearchField::text);
    boolean semantic = !schema.semanticConfigs().isEmpty();
    boolean vector =
        schema.fields().stream()
            .filter(f -> f.dimensions() > 0)
            .anyMatch(f -> integrated(schema, f));
    List<String> types = new ArrayList<>();
    if (text) {
      types.add("simple");
    }
    if (semantic) {
      types.add("semantic");
    }
    if (vector) {
      types.add("vector");
      if (text) {
        types.add("vector_simple_hybrid");
      }
      if (semantic) {
        types.add("vector_semantic_hybrid");
      }
    }
    String configuration =
        schema.defaultSemanticConfig() != null && !schema.defaultSemanticConfig().isEmpty()
            ? schema.defaultSemanticConfig()
            : schema.semanticConfigs().keySet().stream().sorted().findFirst().orElse("");
    return new DataChoice(service, schema.name(), types, configuration);
  }

  private static boolean integrated(IndexSchema schema, SearchField field) {
    var profile = schema.profile(field);
    return profile != null && !profile.vectorizerDeployment().isEmpty();
  }
}
