package dev.lazurite.search.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.SearchException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated index definition: its fields with every attribute resolved, its vector profiles and
 * semantic configurations, and the JSON the service answers with (defaults filled in as Azure AI
 * Search fills them).
 */
public record IndexSchema(
    String name,
    List<SearchField> fields,
    Map<String, VectorProfile> vectorProfiles,
    Map<String, SemanticConfig> semanticConfigs,
    String defaultSemanticConfig,
    ObjectNode definition) {
  public IndexSchema {
    fields = List.copyOf(fields);
    vectorProfiles = Map.copyOf(vectorProfiles);
    semanticConfigs = Map.copyOf(semanticConfigs);
  }

  /** Parses and validates a definition; {@code name} is the one in the URL, if any. */
  public static IndexSchema parse(JsonNode body, Optional<String> name, String etag) {
    return SchemaParser.parse(body, name, etag);
  }

  public SearchField key() {
    return fields.stream().filter(SearchField::key).findFirst().orElseThrow();
  }

  public Optional<SearchField> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public String etag() {
    return definition.path("@odata.etag").asText();
  }

  /** The profile of a vector field. */
  public VectorProfile profile(SearchField field) {
    return vectorProfiles.get(field.vectorProfile());
  }

  /** Fields by name, in definition order. */
  public Map<String, SearchField> byName() {
    var map = new LinkedHashMap<String, SearchField>();
    fields.forEach(f -> map.put(f.name(), f));
    return map;
  }

  /** The semantic configuration a query names, or the default one. */
  public SemanticConfig semantic(String requested) {
    String wanted = requested == null || requested.isEmpty() ? defaultSemanticConfig : requested;
    if (wanted == null || wanted.isEmpty()) {
      throw SearchException.badRequest(
          "Semantic search requires a 'semanticConfiguration' or a default semantic configuration"
              + " on the index.");
    }
    SemanticConfig config = semanticConfigs.get(wanted);
    if (config == null) {
      throw SearchException.badRequest(
          "Unknown semantic configuration '" + wanted + "' on index '" + name + "'.");
    }
    return config;
  }
}
