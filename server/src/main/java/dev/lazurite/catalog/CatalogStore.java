package dev.lazurite.catalog;

/** Where the models an operator added to the catalog are kept. */
public interface CatalogStore extends AddedModels {
  /** Adds a model; false when one of that name is already there. */
  boolean add(ModelSpec model);

  /** Deletes the model of that name; false when there was none. */
  boolean delete(String name);
}
