package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingPostgres;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database with the Trace category on: a request served by one
 * instance is listed through the other.
 */
class TraceInstancesTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

  static TestingServer start(DatabaseUrl database, Map<String, String> environment) {
    return TestingServer.start(
        c -> c.withDatabase(database).withAudit(c.audit().withTrace(Duration.ofHours(1))),
        environment::get);
  }

  /** The correlation ids {@code server} lists, polled until {@code id} shows up or time is up. */
  static List<String> listedUntil(TestingServer server, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      JsonNode all = TestingCli.run(server, "audit", "list", "--category", "Trace");
      List<String> ids = new ArrayList<>(all.findValuesAsText("correlationId"));
      if (ids.contains(id) || System.nanoTime() > deadline) {
        return ids;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aRequestThroughOneInstanceIsListedThroughTheOther() throws Exception {
    var masterKey = Files.createTempDirectory("lazurite-master").resolve("master.key");
    var environment = Map.of("LAZURITE_MASTER_KEY_FILE", masterKey.toString());
    try (var postgres = TestingPostgres.start()) {
      var database = postgres.newDatabase();
      try (var a = start(database, environment);
          var b = start(database, environment)) {
        var body = Json.MAPPER.createObjectNode();
        body.putArray("messages")
            .addObject()
            .put("role", "user")
            .put("content", "Write a short note for the team.");
        var answer = a.http().send("POST", CHAT, body.toString(), "api-key", a.key());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String id = answer.header("apim-request-id");
        assertThat(listedUntil(b, id)).contains(id);
        var viaB = TestingCli.run(b, "audit", "list", "--category", "Trace", "--status", "200");
        JsonNode record = null;
        for (JsonNode r : viaB) {
          if (r.path("correlationId").asText().equals(id)) {
            record = r;
          }
        }
        assertThat(record).isNotNull();
        assertThat(record.path("properties").path("backendAttempts").size()).isEqualTo(1);
        assertThat(record.path("properties").path("stages").size()).isPositive();
        assertThat(listedUntil(a, id)).contains(id);
      }
    }
  }
}
