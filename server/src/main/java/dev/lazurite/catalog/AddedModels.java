package dev.lazurite.catalog;

import java.util.List;

/** The models an operator added to the catalog, as one reader sees them. */
@FunctionalInterface
public interface AddedModels {
  /** The added models, by name. */
  List<ModelSpec> models();
}
