package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a batch: a server in a child process is killed while lines run;
 * restarted on the same data directory, it finishes the batch, and the output and error files
 * answer every line exactly once.
 */
class BatchCrashTest {
  static final int LINES = 300;

  @TempDir Path dir;
  int started;

  record Child(Process process, String endpoint, String key) {}

  @Test
  void aBatchKilledMidRunFinishesAfterARestartWithEveryLineOnce() throws Exception {
    Path data = dir.resolve("data");
    String id;
    // Set up in-process: a batch deployment, the input file and the batch, then stop.
    try (LazuriteServer server = inProcess(data)) {
      deployBatch(server);
      String fileId = BatchTesting.upload(server, BatchTesting.lines(LINES, "gpt-4o-batch"));
      var http =
          new BatchTesting.Client(
              new TestingHttp(server.endpoint().toString(), ""), server.defaultKeys().key1());
      id = BatchTesting.create(http, fileId).json().path("id").asText();
    }

    Child child = start(data);
    var http = new BatchTesting.Client(new TestingHttp(child.endpoint(), ""), child.key());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int answered = 0;
    while (answered < 30 && System.nanoTime() < deadline) {
      answered = BatchTesting.get(http, id).at("/request_counts/completed").asInt();
      Thread.sleep(20);
    }
    child.process().destroyForcibly(); // SIGKILL
    assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process().exitValue()).isEqualTo(137);
    assertThat(answered).isBetween(30, LINES - 1);

    Child restarted = start(data);
    var again = new BatchTesting.Client(new TestingHttp(restarted.endpoint(), ""), restarted.key());
    JsonNode done = BatchTesting.await(again, id, Duration.ofSeconds(180));
    restarted.process().destroy();
    assertThat(restarted.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.at("/request_counts/total").asInt()).isEqualTo(LINES);

    try (LazuriteServer server = inProcess(data)) {
      List<JsonNode> output = BatchTesting.fileLines(server, done.path("output_file_id").asText());
      List<JsonNode> errors = BatchTesting.fileLines(server, done.path("error_file_id").asText());
      Map<String, Integer> seen = new HashMap<>();
      for (JsonNode line : output) {
        seen.merge(line.path("custom_id").asText(), 1, Integer::sum);
        assertThat(line.at("/response/status_code").asInt()).isEqualTo(200);
      }
      for (JsonNode line : errors) {
        seen.merge(line.path("custom_id").asText(), 1, Integer::sum);
      }
      assertThat(seen).hasSize(LINES);
      assertThat(seen.values()).allMatch(n -> n == 1);
      assertThat(output.size()).isEqualTo(done.at("/request_counts/completed").asInt());
      System.out.printf(
          "answered before kill -9: %d; after restart: %d output lines, %d error lines%n",
          answered, output.size(), errors.size());
    }
  }

  static LazuriteServer inProcess(Path data) throws Exception {
    return LazuriteServer.start(
        ServerConfig.forTesting(data).withBatch(BatchTesting.QUICK),
        Clock.systemUTC(),
        UpstreamSecrets.of(name -> null),
        TestingServer.shippedClassifier());
  }

  /** A batch deployment through the server's control plane, as {@link TestingServer#deploy}. */
  static void deployBatch(LazuriteServer server) {
    var control = server.control();
    control.putDeployment(
        control.account(
            server.subscriptionId(),
            dev.lazurite.control.Bootstrap.DEFAULT_RESOURCE_GROUP,
            dev.lazurite.control.Bootstrap.DEFAULT_ACCOUNT),
        new dev.lazurite.control.DeploymentRequest(
            "gpt-4o-batch", "gpt-4o", "", "GlobalBatch", 500, "", "", java.util.Optional.empty()));
  }

  Child start(Path data) throws Exception {
    Path stdout = dir.resolve("child-" + ++started + ".out");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.lazurite.cli.Main",
                "serve",
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--https-port",
                "-1")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(stdout.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LAZURITE_"));
    builder.environment().put("LAZURITE_BATCH_POLL_MS", "50");
    builder.environment().put("LAZURITE_BATCH_LEASE_MS", "2000");
    builder.environment().put("LAZURITE_BATCH_CONCURRENCY", "4");
    // Slow lines, so that the kill lands mid-batch.
    builder.environment().put("LAZURITE_SIMULATOR_TOKEN_MS", "3");
    Process process = builder.start();
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      String endpoint = "";
      boolean ready = false;
      for (String line : Files.readAllLines(stdout)) {
        String text = line.strip();
        if (text.startsWith("endpoint:")) {
          endpoint = text.substring("endpoint:".length()).strip();
        } else if (text.startsWith("api-key:")) {
          ready = true;
        }
      }
      if (ready) {
        return new Child(process, endpoint, key(data));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child server did not start: " + Files.readString(stdout));
  }

  static String key(Path data) {
    var out = new java.io.StringWriter();
    var cli = dev.lazurite.cli.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    int code =
        cli.execute("keys", "list", "--data-dir", data.toString(), "--query", "key1", "-o", "tsv");
    assertThat(code).isZero();
    return out.toString().strip();
  }
}
