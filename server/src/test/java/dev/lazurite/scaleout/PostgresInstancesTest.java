package dev.lazurite.scaleout;

import dev.lazurite.testing.TestingPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two and three instances on one PostgreSQL database stay in step. */
class PostgresInstancesTest {
  static TestingPostgres postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = TestingPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void twoInstancesOnOnePostgresDatabase() throws Exception {
    try (Instances instances = Instances.start(2, postgres.newDatabase(), Map.of())) {
      var inStep = new InstancesInStep(instances);
      inStep.run();
      new SearchAndIdentitiesInStep(instances, inStep).run();
      inStep.report("PostgreSQL, 2 instances");
    }
  }

  @Test
  void threeInstancesOnOnePostgresDatabase() throws Exception {
    try (Instances instances = Instances.start(3, postgres.newDatabase(), Map.of())) {
      var inStep = new InstancesInStep(instances);
      inStep.run();
      new SearchAndIdentitiesInStep(instances, inStep).run();
      inStep.report("PostgreSQL, 3 instances");
    }
  }
}
