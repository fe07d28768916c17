package dev.lazurite.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.capture.CaptureQuery;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture policy set through the first of two instances on one SQLite file is in force on the
 * second within a second: the next request the second instance answers is captured.
 */
class CaptureInStepTest {
  @TempDir Path shared;

  @Test
  void enablingCaptureOnOneInstanceAppliesOnTheOther() throws Exception {
    var database = DatabaseUrl.parse("jdbc:sqlite:" + shared.resolve("shared.db"));
    try (Instances instances = Instances.start(2, database, Map.of())) {
      var inStep = new InstancesInStep(instances);
      TestingServer first = instances.get(0);
      TestingServer second = instances.get(1);
      String policy = "/lazurite/capture/accounts/lazurite/deployments/gpt-4o";
      var set =
          new TestingHttp(first.endpoint(), "")
              .send(
                  "PUT",
                  policy,
                  "{\"enabled\":true,\"maxBytes\":1024}",
                  "Authorization",
                  "Bearer " + first.server().adminToken());
      long changedAt = System.nanoTime();
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      inStep.inForceEverywhere(
          "capture turned on",
          changedAt,
          i -> {
            TestingServer server = instances.get(i);
            var answer = InstancesInStep.withKey(server, "gpt-4o", server.key());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            String id = answer.header("apim-request-id");
            server.server().flushCaptures();
            return server
                .server()
                .store()
                .captures()
                .query(
                    new CaptureQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id), 10))
                .size();
          },
          1);
      assertThat(second.server().snapshotVersion()).isPositive();
      inStep.report("capture policy, SQLite file, 2 instances");
    }
  }
}
