package dev.lazurite.control.group;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lazurite.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Resource groups in the {@code resource_groups} table, in SQL that SQLite and PostgreSQL both run.
 */
public final class JdbiResourceGroupStore implements ResourceGroupStore {
  private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

  private final Jdbi jdbi;

  public JdbiResourceGroupStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<ResourceGroup> get(String subscription, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM resource_groups WHERE subscription_id = ? AND name_key = ?")
                .bind(0, subscription)
                .bind(1, ResourceGroup.key(name))
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public List<ResourceGroup> list(String subscription) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM resource_groups WHERE subscription_id = ? ORDER BY name_key")
                .bind(0, subscription)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public boolean put(ResourceGroup group) {
    return jdbi.inTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE resource_groups SET tags = ? WHERE subscription_id = ? AND name_key"
                          + " = ?")
                  .bind(0, Json.writeString(group.tags()))
                  .bind(1, group.subscription())
                  .bind(2, ResourceGroup.key(group.name()))
                  .execute();
          if (updated > 0) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO resource_groups (subscription_id, name_key, name, location, tags,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
              .bind(0, group.subscription())
              .bind(1, ResourceGroup.key(group.name()))
              .bind(2, group.name())
              .bind(3, group.location())
              .bind(4, Json.writeString(group.tags()))
              .bind(5, group.createdAt().toString())
              .execute();
          return true;
        });
  }

  @Override
  public boolean delete(String subscription, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM resource_groups WHERE subscription_id = ? AND name_key = ?")
                    .bind(0, subscription)
                    .bind(1, ResourceGroup.key(name))
                    .execute()
                > 0);
  }

  private static ResourceGroup row(ResultSet rs) throws SQLException {
    try {
      return new ResourceGroup(
          rs.getString("subscription_id"),
          rs.getString("name"),
          rs.getString("location"),
          Json.MAPPER.readValue(rs.getString("tags"), TAGS),
          Instant.parse(rs.getString("created_at")));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("resource group tags are not a JSON object", e);
    }
  }
}
