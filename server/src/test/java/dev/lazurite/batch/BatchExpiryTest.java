package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With an expiry set, a batch still running when it passes ends {@code expired}, keeping answers.
 * Each answer takes 20 ms (the simulator's time to first token; its per-token delay applies to
 * streams only), so 1,000 lines two at a time outlast the two-second expiry.
 */
class BatchExpiryTest {
  @Test
  void aBatchPastItsExpiryEndsExpiredWithWhatWasAnswered() {
    var expiring =
        new BatchConfig(
            Duration.ofMillis(50), Duration.ofSeconds(3), 2, Optional.of(Duration.ofSeconds(2)));
    try (TestingServer server =
        TestingServer.start(
            c ->
                c.withBatch(expiring)
                    .withSimulator(
                        new SimulatorConfig(Duration.ofMillis(20), Duration.ZERO, 5, 5)))) {
      BatchTesting.deployBatch(server, "gpt-4o-batch", 500);
      var http = new BatchTesting.Client(server);
      String fileId =
          BatchTesting.upload(server.server(), BatchTesting.lines(1000, "gpt-4o-batch"));
      String id = BatchTesting.create(http, fileId).json().path("id").asText();
      JsonNode done = BatchTesting.await(http, id, Duration.ofSeconds(60));
      assertThat(done.path("status").asText()).isEqualTo("expired");
      assertThat(done.path("expired_at").isNumber()).isTrue();
      List<JsonNode> output =
          BatchTesting.fileLines(server.server(), done.path("output_file_id").asText());
      assertThat(output).hasSize(done.at("/request_counts/completed").asInt());
      assertThat(output.size()).isLessThan(1000);
    }
  }
}
