package dev.lazurite.store.jdbi;

import dev.lazurite.catalog.CatalogStore;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.catalog.ModelSpec;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The models an operator added to the catalog, on either database. */
final class JdbiCatalogStore implements CatalogStore {
  private final Jdbi jdbi;

  JdbiCatalogStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ModelSpec> models() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM catalog_models ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new ModelSpec(
                            rs.getString("name"),
                            rs.getString("version"),
                            rs.getString("family"),
                            Set.of(ModelKind.valueOf(rs.getString("kind"))),
                            Encoding.valueOf(rs.getString("encoding")),
                            rs.getInt("context_window"),
                            rs.getInt("max_output_tokens"),
                            rs.getInt("dimensions"),
                            false,
                            rs.getString("name")))
                .list());
  }

  @Override
  public boolean add(ModelSpec model) {
    return jdbi.withHandle(
        h -> {
          boolean exists =
              h.createQuery("SELECT COUNT(*) FROM catalog_models WHERE name = ?")
                      .bind(0, model.name())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (exists) {
            return false;
          }
          h.createUpdate("INSERT INTO catalog_models VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .bind(0, model.name())
              .bind(1, model.version())
              .bind(2, model.format())
              .bind(3, model.kinds().iterator().next().name())
              .bind(4, model.encoding().name())
              .bind(5, model.contextWindow())
              .bind(6, model.maxOutputTokens())
              .bind(7, model.dimensions())
              .execute();
          return true;
        });
  }

  @Override
  public boolean delete(String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM catalog_models WHERE name = ?").bind(0, name).execute()
                > 0);
  }
}
