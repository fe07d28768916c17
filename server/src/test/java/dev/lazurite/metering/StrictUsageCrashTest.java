package dev.lazurite.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} under load, with strict usage durability: a server in a child process serves
 * eight clients over loopback until it is killed mid-load; after a restart on the same data
 * directory, every request whose client received the full response has its usage record.
 */
class StrictUsageCrashTest {
  static final int CLIENTS = 8;
  static final int DELIVERED_BEFORE_KILL = 300;
  static final long LOAD_LIMIT_MILLIS = 60_000;

  @TempDir Path dir;
  int started;

  Path dataDir() {
    return dir.resolve("data");
  }

  record Child(Process process, String endpoint, String key) {}

  @Test
  void everyFullyDeliveredResponseKeepsItsUsageRecordThroughKillNine() throws Exception {
    Child server = start();
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int c = 0; c < CLIENTS; c++) {
        boolean streamed = c % 2 == 0;
        clients.add(
            Thread.ofVirtual().start(() -> drive(http, server, streamed, delivered, killed)));
      }
      long deadline = System.currentTimeMillis() + LOAD_LIMIT_MILLIS;
      while (delivered.size() < DELIVERED_BEFORE_KILL && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      killed.set(true);
      server.process().destroyForcibly(); // SIGKILL
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Thread client : clients) {
        client.join();
      }
    }
    assertThat(server.process().exitValue()).isEqualTo(137);
    assertThat(delivered).hasSizeGreaterThanOrEqualTo(DELIVERED_BEFORE_KILL);

    Child restarted = start();
    restarted.process().destroy();
    assertThat(restarted.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

    Set<String> recorded = recordedRequestIds();
    System.out.printf(
        "delivered before kill -9: %d, records after restart: %d%n",
        delivered.size(), recorded.size());
    assertThat(recorded).containsAll(delivered);
  }

  /** One client: requests back to back until the server is gone. */
  static void drive(
      HttpClient http,
      Child server,
      boolean streamed,
      Set<String> delivered,
      AtomicBoolean killed) {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":8"
            + (streamed ? ",\"stream\":true}" : "}");
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    server.endpoint()
                        + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
            .header("api-key", server.key())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int i = 0; i < 5_000 && !killed.get(); i++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // Throttled (429) answers are delivered responses too; a stream is whole with [DONE].
        boolean complete =
            !streamed
                || response.statusCode() != 200
                || response.body().endsWith("data: [DONE]\n\n");
        if (complete) {
          delivered.add(response.headers().firstValue("apim-request-id").orElseThrow());
        }
      } catch (IOException e) {
        return; // the server was killed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  Child start() throws IOException, InterruptedException {
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
                dataDir().toString(),
                "--port",
                "0",
                "--https-port",
                "-1",
                "--usage-durability",
                "strict")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(stdout.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LAZURITE_"));
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
        // The banner shows the key only to a terminal; a redirected stdout gets the command.
        return new Child(process, endpoint, key());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child server did not start: " + Files.readString(stdout));
  }

  /** key1, as an operator reads it: {@code lazurite keys list --query key1 -o tsv}. */
  String key() {
    var out = new java.io.StringWriter();
    var cli = dev.lazurite.cli.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    int code =
        cli.execute(
            "keys", "list", "--data-dir", dataDir().toString(), "--query", "key1", "-o", "tsv");
    assertThat(code).isZero();
    return out.toString().strip();
  }

  Set<String> recordedRequestIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve("lazurite.db"));
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT request_id FROM usage_records")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
