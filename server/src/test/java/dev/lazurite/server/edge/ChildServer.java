package dev.lazurite.server.edge;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code lazurite serve} in a child JVM under {@code prlimit --nofile}. */
final class ChildServer implements AutoCloseable {
  static final int DESCRIPTORS = 1024;

  private final Process process;
  private final Path log;
  private final int port;
  private final Path dataDir;

  private ChildServer(Process process, Path log, int port, Path dataDir) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.dataDir = dataDir;
  }

  static ChildServer start(Path dir, Map<String, String> environment) throws Exception {
    int port;
    try (var free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = dir.resolve("server.log");
    var builder =
        new ProcessBuilder(
                "prlimit",
                "--nofile=" + DESCRIPTORS + ":" + DESCRIPTORS,
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.lazurite.cli.Main",
                "serve",
                "--port",
                Integer.toString(port),
                "--https-port",
                "-1",
                "--data-dir",
                dir.resolve("data").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    var child = new ChildServer(builder.start(), log, port, dir.resolve("data"));
    if (child.awaitHealthy(Duration.ofSeconds(90)).isEmpty()) {
      child.close();
      throw new AssertionError("the server did not start: " + child.log());
    }
    return child;
  }

  /** The readiness body once {@code /healthz} answers 200, or empty when it did not in time. */
  Optional<String> awaitHealthy(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (var client = new RawHttp("http://127.0.0.1:" + port)) {
        var answer =
            client
                .send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .readUntilClosed(Duration.ofSeconds(2));
        if (answer.statuses().equals(List.of(200))) {
          return Optional.of(answer.text());
        }
      } catch (IOException e) {
        // not listening (yet or again)
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  /** key1, as an operator reads it: {@code lazurite keys list --query key1 -o tsv}. */
  String key() {
    var out = new java.io.StringWriter();
    var cli = dev.lazurite.cli.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    int code =
        cli.execute(
            "keys", "list", "--data-dir", dataDir.toString(), "--query", "key1", "-o", "tsv");
    if (code != 0) {
      throw new AssertionError("keys list exited " + code);
    }
    return out.toString().strip();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  int port() {
    return port;
  }

  Process process() {
    return process;
  }
}
