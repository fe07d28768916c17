package dev.lazurite.portal.deployments;

import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import java.util.List;

/**
 * A model version offered in the create form.
 *
 * @param value what the form sends: {@code name@version}
 */
public record CatalogChoice(String value, String label) {
  static List<CatalogChoice> all() {
    return ModelCatalog.all().stream()
        .map(
            (ModelSpec m) ->
                new CatalogChoice(
                    m.name() + "@" + m.version(), m.name() + " (" + m.version() + ")"))
        .toList();
  }
}
