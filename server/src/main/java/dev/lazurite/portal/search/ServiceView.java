package dev.lazurite.portal.search;

import java.util.List;

/** A search service and the names of its indexes, as the search page lists them. */
public record ServiceView(
    String name, String resourceGroup, String location, String sku, List<IndexSummary> indexes) {
  public ServiceView {
    indexes = List.copyOf(indexes);
  }

  /** One index of the service and how many documents it holds. */
  public record IndexSummary(String name, int fields, long documents) {}
}
