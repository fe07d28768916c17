package dev.lazurite.search.schema;

import static java.util.Objects.requireNonNull;

/**
 * One top-level field of an index, with every attribute resolved to the value the service uses.
 *
 * @param analyzer the analyzer name, empty for the default ({@code standard.lucene})
 * @param dimensions vector length, 0 unless a vector field
 * @param vectorProfile the vector search profile, empty unless a vector field
 */
public record SearchField(
    String name,
    FieldType type,
    boolean key,
    boolean retrievable,
    boolean searchable,
    boolean filterable,
    boolean sortable,
    boolean facetable,
    String analyzer,
    int dimensions,
    String vectorProfile) {
  public SearchField {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(analyzer, "analyzer is null");
    requireNonNull(vectorProfile, "vectorProfile is null");
  }

  /** Whether the field takes part in full-text search. */
  public boolean text() {
    return searchable && type.string();
  }
}
