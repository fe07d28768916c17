package dev.lazurite.cost;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingPostgres;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budget alerts reach the webhook once per threshold, from one instance or from two sharing SQLite
 * or PostgreSQL.
 */
class BudgetAlertTest {
  @TempDir Path shared;

  @Test
  void oneInstancePostsEachThresholdOnce() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      BudgetAlerts.deliveredOncePerThreshold(List.of(server));
    }
  }

  @Test
  void twoInstancesOnOneSqliteFilePostEachThresholdOnce() throws Exception {
    twoInstances(DatabaseUrl.parse("jdbc:sqlite:" + shared.resolve("shared.db")));
  }

  @Test
  void twoInstancesOnOnePostgresDatabasePostEachThresholdOnce() throws Exception {
    try (TestingPostgres postgres = TestingPostgres.start()) {
      twoInstances(postgres.newDatabase());
    }
  }

  private static void twoInstances(DatabaseUrl database) throws Exception {
    Path masterKey = Files.createTempDirectory("lazurite-master").resolve("master.key");
    Map<String, String> environment = Map.of("LAZURITE_MASTER_KEY_FILE", masterKey.toString());
    List<TestingServer> instances = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        instances.add(
            TestingServer.start(
                c ->
                    c.withDatabase(database)
                        .withSimulator(new SimulatorConfig(Duration.ZERO, Duration.ZERO, 5, 5)),
                environment::get));
      }
      BudgetAlerts.deliveredOncePerThreshold(instances);
    } finally {
      instances.forEach(TestingServer::close);
    }
  }
}
