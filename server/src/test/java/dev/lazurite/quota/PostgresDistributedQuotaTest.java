package dev.lazurite.quota;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingPostgres;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact shared limit of {@link DistributedQuotaTest}, with the instances on one PostgreSQL. */
class PostgresDistributedQuotaTest {
  @Test
  void threeInstancesOnOneDatabaseEnforceOneExactLimit() throws Exception {
    try (TestingPostgres postgres = TestingPostgres.start()) {
      DatabaseUrl database = postgres.newDatabase();
      String masterKey =
          Files.createTempDirectory("lazurite-master").resolve("master.key").toString();
      DistributedQuotaTest.assertOneExactLimit(
          c -> c.withDatabase(database), Map.of("LAZURITE_MASTER_KEY_FILE", masterKey));
    }
  }
}
