package dev.lazurite.control.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory from before resource groups gets a group for every resource it holds. */
class ResourceGroupMigrationTest {
  @Test
  void createsTheGroupsOfExistingResourcesAndTheDefaultGroup(@TempDir Path dir) {
    Path file = dir.resolve("lazurite.db");
    String url = "jdbc:sqlite:" + file;
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite")
        .target("7")
        .load()
        .migrate();
    Jdbi.create(url)
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO settings (name, value) VALUES ('subscription-id', 's1'),"
                      + " ('bootstrapped', '2026-01-01T00:00:00Z')");
              h.execute(
                  "INSERT INTO accounts (name, subscription_id, resource_group, location, kind,"
                      + " sku_name, created_at) VALUES ('a1', 's1', 'Team-RG', 'westeurope',"
                      + " 'OpenAI', 'S0', '2026-01-02T00:00:00Z'), ('a2', 's1', 'team-rg',"
                      + " 'westeurope', 'OpenAI', 'S0', '2026-01-03T00:00:00Z')");
              h.execute(
                  "INSERT INTO search_services (name, subscription, resource_group, location, sku,"
                      + " primary_key, secondary_key, query_key, created_at) VALUES ('svc', 's1',"
                      + " 'search-rg', 'eastus', 'basic', 'p', 's', 'q', '2026-01-04T00:00:00Z')");
            });

    try (var store = new SqliteStore(file)) {
      var groups = store.resourceGroups();
      assertThat(groups.list("s1"))
          .extracting(ResourceGroup::name)
          .containsExactlyInAnyOrder("lazurite", "search-rg", "Team-RG");
      assertThat(groups.get("s1", "TEAM-rg").orElseThrow().location()).isEqualTo("westeurope");
      assertThat(groups.get("s1", "lazurite").orElseThrow().location())
          .as("the default group of a server whose default resource was deleted")
          .isEqualTo("westeurope");
      assertThat(groups.get("s1", "search-rg")).isPresent();
    }
  }
}
