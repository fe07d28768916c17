package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database from before the capacity history gets a starting row for each provisioned deployment
 * that has none, from its creation at its capacity; other deployments and those with a history are
 * left as they are. On SQLite and on PostgreSQL.
 */
class CapacityHistoryBackfillTest {
  static final String CREATED = "2025-11-03T08:15:30.250Z";
  static final String CREATED_NANOS = "2025-11-04T00:00:00.123456789Z";

  @Test
  void sqlite(@TempDir Path dir) {
    var url = new DatabaseUrl.Sqlite(dir.resolve("lazurite.db"));
    older(url, "26");
    check(url);
  }

  @Test
  void postgres() {
    try (var postgres = TestingPostgres.start()) {
      var url = (DatabaseUrl.Postgres) postgres.newDatabase();
      older(url, "19");
      check(url);
    }
  }

  /** A database migrated up to the version before the backfill, with deployments in it. */
  static void older(DatabaseUrl url, String version) {
    String user = url instanceof DatabaseUrl.Postgres p ? p.user() : null;
    String password = url instanceof DatabaseUrl.Postgres p ? p.password() : null;
    String location =
        url instanceof DatabaseUrl.Postgres
            ? "classpath:db/migration/postgres"
            : "classpath:db/migration/sqlite";
    Flyway.configure()
        .dataSource(url.jdbcUrl(), user, password)
        .locations(location)
        .target(version)
        .load()
        .migrate();
    (user == null ? Jdbi.create(url.jdbcUrl()) : Jdbi.create(url.jdbcUrl(), user, password))
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO accounts (name, subscription_id, resource_group, location, kind,"
                      + " sku_name, created_at) VALUES ('a1', 's1', 'team-rg', 'westeurope',"
                      + " 'OpenAI', 'S0', '2025-11-01T00:00:00Z')");
              deployment(h, "ptu", "ProvisionedManaged", 50, CREATED);
              deployment(h, "ptu-global", "GlobalProvisionedManaged", 15, CREATED_NANOS);
              deployment(h, "ptu-known", "ProvisionedManaged", 25, CREATED);
              deployment(h, "standard", "GlobalStandard", 100, CREATED);
              h.execute(
                  "INSERT INTO capacity_history (account, resource_group, deployment, model_name,"
                      + " model_version, sku, capacity, at_ms) VALUES ('a1', 'team-rg',"
                      + " 'ptu-known', 'gpt-4o', '2024-08-06', 'ProvisionedManaged', 25, 42)");
            });
  }

  static void deployment(
      org.jdbi.v3.core.Handle h, String name, String sku, int capacity, String created) {
    h.createUpdate(
            "INSERT INTO deployments (account, name, model_format, model_name, model_version,"
                + " sku_name, sku_capacity, backend, rai_policy_name, version_upgrade_option,"
                + " created_at) VALUES ('a1', ?, 'OpenAI', 'gpt-4o', '2024-08-06', ?, ?, '{}',"
                + " 'Microsoft.DefaultV2', 'OnceNewDefaultVersionAvailable', ?)")
        .bind(0, name)
        .bind(1, sku)
        .bind(2, capacity)
        .bind(3, created)
        .execute();
  }

  static void check(DatabaseUrl url) {
    try (var store = new JdbiStore(url, null)) {
      List<CapacityChange> history = store.cost().capacityHistory();
      assertThat(history)
          .containsExactlyInAnyOrder(
              new CapacityChange(
                  "a1",
                  "team-rg",
                  "ptu-known",
                  "gpt-4o",
                  "2024-08-06",
                  "ProvisionedManaged",
                  25,
                  Instant.ofEpochMilli(42)),
              new CapacityChange(
                  "a1",
                  "team-rg",
                  "ptu",
                  "gpt-4o",
                  "2024-08-06",
                  "ProvisionedManaged",
                  50,
                  Instant.parse(CREATED)),
              new CapacityChange(
                  "a1",
                  "team-rg",
                  "ptu-global",
                  "gpt-4o",
                  "2024-08-06",
                  "GlobalProvisionedManaged",
                  15,
                  Instant.ofEpochMilli(Instant.parse(CREATED_NANOS).toEpochMilli())));
    }
  }
}
