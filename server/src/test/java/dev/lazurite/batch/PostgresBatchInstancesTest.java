package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingPostgres;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL database share a batch: both claim its lines, each line is
 * answered once, and when one instance stops mid-run the other finishes the batch. The instances
 * share their files directory, as a cluster shares its file storage.
 */
class PostgresBatchInstancesTest {
  static final int LINES = 400;
  static final BatchConfig SHORT_LEASE =
      new BatchConfig(Duration.ofMillis(50), Duration.ofSeconds(5), 4, Optional.empty());

  static TestingPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() {
    postgres = TestingPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  TestingServer instance(DatabaseUrl database, String name) throws Exception {
    Path data = dir.resolve(name);
    Files.createDirectories(data);
    Path shared = dir.resolve("shared-files");
    Files.createDirectories(shared);
    Files.createSymbolicLink(data.resolve("files"), shared);
    Map<String, String> environment =
        Map.of("LAZURITE_MASTER_KEY_FILE", dir.resolve("master.key").toString());
    return TestingServer.start(
        c ->
            c.toBuilder()
                .dataDir(data)
                .build()
                .withDatabase(database)
                .withBatch(SHORT_LEASE)
                .withSimulator(new SimulatorConfig(Duration.ofMillis(40), Duration.ZERO, 5, 5)),
        environment::get);
  }

  @Test
  void bothInstancesAnswerLinesOnceAndOneFinishesAfterTheOtherStops() throws Exception {
    DatabaseUrl.Postgres database = (DatabaseUrl.Postgres) postgres.newDatabase();
    TestingServer a = instance(database, "a");
    TestingServer b = instance(database, "b");
    boolean aClosed = false;
    try {
      BatchTesting.deployBatch(a, "gpt-4o-batch", 500);
      awaitDeployment(b);
      String fileId = BatchTesting.upload(a.server(), BatchTesting.lines(LINES, "gpt-4o-batch"));
      var http = new BatchTesting.Client(a);
      String id = BatchTesting.create(http, fileId).json().path("id").asText();
      b.server(); // b finds the batch on its own poll

      Set<String> runners = new HashSet<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while ((runners.size() < 2 || answered(database, id) < LINES / 4)
          && System.nanoTime() < deadline
          && !BatchTesting.get(http, id).path("status").asText().equals("completed")) {
        runners.addAll(runners(database, id));
        Thread.sleep(20);
      }
      System.out.printf("instances that answered lines before the first stopped: %s%n", runners);
      assertThat(runners).as("instances that answered lines").hasSize(2);
      a.close();
      aClosed = true;

      var fromB = new BatchTesting.Client(b);
      JsonNode done = BatchTesting.await(fromB, id, Duration.ofSeconds(120));
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
      List<JsonNode> output =
          BatchTesting.fileLines(b.server(), done.path("output_file_id").asText());
      List<JsonNode> errors =
          BatchTesting.fileLines(b.server(), done.path("error_file_id").asText());
      Map<String, Integer> seen = new HashMap<>();
      for (JsonNode line : output) {
        seen.merge(line.path("custom_id").asText(), 1, Integer::sum);
      }
      for (JsonNode line : errors) {
        seen.merge(line.path("custom_id").asText(), 1, Integer::sum);
      }
      assertThat(seen).hasSize(LINES);
      assertThat(seen.values()).allMatch(n -> n == 1);
      assertThat(done.at("/request_counts/total").asInt()).isEqualTo(LINES);
    } finally {
      b.close();
      if (!aClosed) {
        a.close();
      }
    }
  }

  static void awaitDeployment(TestingServer server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var r =
          server
              .http()
              .post(
                  "/openai/deployments/gpt-4o-batch/chat/completions?api-version=2024-10-21",
                  "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      if (r.status() == 200) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the second instance never saw the deployment");
  }

  /** The instances whose lease tokens are on answered lines of the batch. */
  static Set<String> runners(DatabaseUrl.Postgres db, String id) throws Exception {
    Set<String> out = new HashSet<>();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var q =
            c.prepareStatement(
                "SELECT DISTINCT lease_owner FROM batch_lines WHERE batch_id = ? AND answered = 1")) {
      q.setString(1, id);
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          String token = rs.getString(1);
          out.add(token.substring(0, token.lastIndexOf('-')));
        }
      }
    }
    return out;
  }

  static long answered(DatabaseUrl.Postgres db, String id) throws Exception {
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM batch_lines WHERE batch_id = ? AND answered = 1")) {
      q.setString(1, id);
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
