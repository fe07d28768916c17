package dev.lazurite.ondata;

import java.util.List;
import java.util.Optional;

/**
 * The {@code azure_search} data source of an On Your Data request, validated.
 *
 * @param apiKey the key of {@code authentication.type = api_key}; empty for managed identities
 * @param embeddingDeployment the {@code deployment_name} embedding dependency, empty if none
 * @param maxSearchQueries 0 when the service decides
 */
public record DataSource(
    String endpoint,
    String indexName,
    String authType,
    Optional<String> apiKey,
    String queryType,
    String semanticConfiguration,
    int topNDocuments,
    boolean inScope,
    int strictness,
    String roleInformation,
    String filter,
    FieldsMapping fields,
    Optional<String> embeddingDeployment,
    List<String> includeContexts,
    int maxSearchQueries,
    boolean allowPartialResult) {
  public DataSource {
    includeContexts = List.copyOf(includeContexts);
  }

  public boolean vector() {
    return queryType.startsWith("vector");
  }

  public boolean text() {
    return !queryType.equals("vector");
  }

  public boolean semantic() {
    return queryType.equals("semantic") || queryType.equals("vector_semantic_hybrid");
  }

  /** Which index fields hold the title, URL, path, content and vectors (empty: the defaults). */
  public record FieldsMapping(
      Optional<String> titleField,
      Optional<String> urlField,
      Optional<String> filepathField,
      List<String> contentFields,
      String contentFieldsSeparator,
      List<String> vectorFields) {
    public FieldsMapping {
      contentFields = List.copyOf(contentFields);
      vectorFields = List.copyOf(vectorFields);
    }
  }
}
