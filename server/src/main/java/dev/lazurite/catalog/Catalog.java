package dev.lazurite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog in force: the built-in models of {@link ModelCatalog} and those an operator added
 * ({@link AddedModels}). A built-in name always means the built-in model; an added model cannot
 * take one.
 */
public final class Catalog {
  private Catalog() {}

  /** The added models as read now, for many look-ups without a query each. */
  public static AddedModels loaded(AddedModels store) {
    List<ModelSpec> models = List.copyOf(store.models());
    return () -> models;
  }

  public static List<ModelSpec> all(AddedModels added) {
    List<ModelSpec> all = new ArrayList<>(ModelCatalog.all());
    all.addAll(added.models());
    return List.copyOf(all);
  }

  /** The named model at the given version, or at its default version when version is empty. */
  public static Optional<ModelSpec> find(AddedModels added, String name, String version) {
    return ModelCatalog.find(name, version)
        .or(
            () ->
                added.models().stream()
                    .filter(m -> m.name().equals(name))
                    .filter(m -> version.isEmpty() || m.version().equals(version))
                    .findFirst());
  }

  /** The model, or the ARM error Azure gives for a model it does not offer. */
  public static ModelSpec require(AddedModels added, String name, String version) {
    return find(added, name, version)
        .orElseThrow(() -> ModelCatalog.notSupported(name, version, all(added)));
  }
}
