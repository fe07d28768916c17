package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import dev.lazurite.server.ServerFile;
import dev.lazurite.testing.TestingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server per data directory, and a server that cannot listen does not pretend to run: {@code
 * lazurite serve} exits non-zero with a clear message and leaves the running server's {@code
 * server.json} alone.
 */
class ServeExclusivityTest {
  record Exit(int code, String err) {}

  /** Runs {@code lazurite serve …} in this JVM; it must give up rather than serve. */
  static Exit serve(String... args) throws Exception {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = CompletableFuture.supplyAsync(() -> cli.execute(all)).get(60, TimeUnit.SECONDS);
    return new Exit(code, err.toString());
  }

  @Test
  void aSecondServerOnABusyDataDirectoryExitsNonZeroAndLeavesTheFirstOneAlone() throws Exception {
    try (TestingServer first = TestingServer.start()) {
      Path serverFile = first.dataDir().resolve(ServerFile.FILE);
      String before = Files.readString(serverFile);

      Exit second =
          serve("--data-dir", first.dataDir().toString(), "--port", "0", "--https-port", "-1");

      assertThat(second.code()).isNotZero();
      assertThat(second.err())
          .contains("is in use by another Lazurite server")
          .contains("give each instance its own --data-dir");
      assertThat(Files.readString(serverFile)).isEqualTo(before);
      assertThat(
              first
                  .http()
                  .post(
                      "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void aServerThatCannotBindExitsNonZeroWritesNoServerFileAndReleasesItsDirectory(@TempDir Path dir)
      throws Exception {
    try (TestingServer running = TestingServer.start()) {
      String port = Integer.toString(running.server().endpoint().getPort());

      Exit refused = serve("--data-dir", dir.toString(), "--port", port, "--https-port", "-1");

      assertThat(refused.code()).isNotZero();
      assertThat(refused.err()).contains("cannot listen on").contains("port " + port);
      assertThat(dir.resolve(ServerFile.FILE)).doesNotExist();
      assertThat(running.dataDir().resolve(ServerFile.FILE)).exists();
    }
    // The failed start let go of its data directory.
    try (var again =
        LazuriteServer.start(
            ServerConfig.forTesting(dir),
            Clock.systemUTC(),
            UpstreamSecrets.NONE,
            TestingServer.shippedClassifier())) {
      assertThat(dir.resolve(ServerFile.FILE)).exists();
    }
    assertThat(dir.resolve(ServerFile.FILE))
        .as("removed by the server that wrote it")
        .doesNotExist();
  }

  @Test
  void inOneProcessTheLockRefusesTooAndTheFirstServerKeepsItsServerFile() throws Exception {
    try (TestingServer first = TestingServer.start()) {
      assertThatThrownBy(
              () ->
                  LazuriteServer.start(
                      ServerConfig.forTesting(first.dataDir()),
                      Clock.systemUTC(),
                      UpstreamSecrets.NONE,
                      TestingServer.shippedClassifier()))
          .hasMessageContaining("is in use by another Lazurite server");
      assertThat(first.dataDir().resolve(ServerFile.FILE)).exists();
    }
  }
}
