package dev.lazurite.portal.search;

import dev.lazurite.search.schema.SearchField;

/** One field of an index as the index page lists it. */
public record FieldView(
    String name,
    String type,
    boolean key,
    boolean searchable,
    boolean filterable,
    boolean sortable,
    boolean facetable,
    boolean retrievable,
    int dimensions) {
  static FieldView of(SearchField f) {
    return new FieldView(
        f.name(),
        f.type().toString(),
        f.key(),
        f.searchable(),
        f.filterable(),
        f.sortable(),
        f.facetable(),
        f.retrievable(),
        f.dimensions());
  }
}
