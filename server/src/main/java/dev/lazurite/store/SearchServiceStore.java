package dev.lazurite.store;

import dev.lazurite.searchservice.SearchService;
import java.util.List;
import java.util.Optional;

/** Search service resources; their keys sealed at rest. */
public interface SearchServiceStore {
  /** Inserts or replaces the service of that name. */
  void put(SearchService service);

  List<SearchService> list();

  Optional<SearchService> get(String name);

  boolean delete(String name);
}
