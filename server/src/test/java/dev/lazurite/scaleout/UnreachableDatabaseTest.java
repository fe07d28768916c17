package dev.lazurite.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.SeverableProxy;
import dev.lazurite.testing.TestingPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While the shared database is unreachable, every instance keeps serving with the settings in
 * force, and a change is refused with a clear 503 that changes nothing; once the database answers
 * again, changes go through and reach every instance.
 */
class UnreachableDatabaseTest {
  @Test
  void requestsAreServedFromTheLastSnapshotAndChangesFailClearly() throws Exception {
    try (TestingPostgres postgres = TestingPostgres.start()) {
      var direct = (DatabaseUrl.Postgres) postgres.newDatabase();
      int postgresPort = Integer.parseInt(direct.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
      try (SeverableProxy proxy = new SeverableProxy(postgresPort)) {
        var throughProxy =
            new DatabaseUrl.Postgres(
                direct.jdbcUrl().replace(":" + postgresPort + "/", ":" + proxy.port() + "/"),
                direct.user(),
                direct.password());
        try (Instances instances = Instances.start(2, throughProxy, Map.of())) {
          var inStep = new InstancesInStep(instances);
          String key = instances.get(0).server().defaultKeys().key1();
          String account = inStep.account();

          proxy.sever();
          for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 2; i++) {
              assertThat(InstancesInStep.withKey(instances.get(i), "gpt-4o", key).status())
                  .as("served from the last snapshot on instance %d", i)
                  .isEqualTo(200);
            }
            Thread.sleep(100);
          }
          var refused =
              inStep.arm(0, "PATCH", account, "{\"properties\":{\"disableLocalAuth\":true}}");
          assertThat(refused.status()).isEqualTo(503);
          assertThat(refused.json().at("/error/code").asText()).isEqualTo("ServiceUnavailable");
          assertThat(refused.json().at("/error/message").asText())
              .startsWith("The database is unreachable");
          assertThat(refused.body()).doesNotContain(direct.password());
          assertThat(InstancesInStep.withKey(instances.get(1), "gpt-4o", key).status())
              .as("the refused change changed nothing")
              .isEqualTo(200);

          proxy.restore();
          long deadline = System.nanoTime() + 30_000_000_000L;
          var accepted =
              inStep.arm(0, "PATCH", account, "{\"properties\":{\"disableLocalAuth\":true}}");
          while (accepted.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            accepted =
                inStep.arm(0, "PATCH", account, "{\"properties\":{\"disableLocalAuth\":true}}");
          }
          assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
          inStep.inForceEverywhere(
              "disableLocalAuth after the database returned",
              System.nanoTime(),
              i -> InstancesInStep.withKey(instances.get(i), "gpt-4o", key).status(),
              403);
        }
      }
    }
  }
}
