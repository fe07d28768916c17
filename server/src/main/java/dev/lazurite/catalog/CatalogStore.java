package dev.lazurite.catalog;

import java.util.List;

/** Where the models an operator added to the catalog are kept. */
public interface CatalogStore {
  /** The added models, by name. */
  List<ModelSpec> models();

  /** Adds a model; false when one of that name is already there. */
  boolean add(ModelSpec model);

  /** Deletes the model of that name; false when there was none. */
  boolean delete(String name);
}
