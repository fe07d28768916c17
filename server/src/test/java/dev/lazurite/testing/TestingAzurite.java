package dev.lazurite.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite, the Azure Storage emulator, serving Blob Storage on a free loopback port with nothing
 * kept on disk, for tests. It is found at {@code LAZURITE_AZURITE_BIN} or in {@code .tools/azurite}
 * at the top of the repository, and installed there with npm when npm is on the path. Without
 * Azurite or npm the calling test is skipped, naming why.
 */
public final class TestingAzurite implements AutoCloseable {
  /** The Azurite release the tests and CI use; it runs on Node.js 18 and newer. */
  public static final String VERSION = "3.35.0";

  /** Azurite's well-known development account. */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Pattern LISTENING = Pattern.compile("listens on http://[^:]+:(\\d+)");

  private final Process process;
  private final Path workspace;
  private final int port;

  private TestingAzurite(Process process, Path workspace, int port) {
    this.process = process;
    this.workspace = workspace;
    this.port = port;
  }

  /** Starts Azurite, or skips the calling test when it cannot be found or installed. */
  public static TestingAzurite start() {
    Optional<Path> binary = binary();
    Assumptions.assumeTrue(
        binary.isPresent(),
        "Azurite is not installed (set LAZURITE_AZURITE_BIN or install Node.js and npm so the"
            + " tests can install azurite@"
            + VERSION
            + " into .tools/azurite)");
    try {
      Path workspace = Files.createTempDirectory("lazurite-azurite");
      Process process =
          new ProcessBuilder(
                  binary.get().toString(),
                  "--blobHost",
                  "127.0.0.1",
                  "--blobPort",
                  "0",
                  "--inMemoryPersistence",
                  "--extentMemoryLimit",
                  "512",
                  "--skipApiVersionCheck",
                  "--loose",
                  "--disableTelemetry",
                  "--silent")
              .directory(workspace.toFile())
              .redirectErrorStream(true)
              .start();
      int port = awaitPort(process);
      return new TestingAzurite(process, workspace, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>/devstoreaccount1}. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  public int port() {
    return port;
  }

  /** The development account's connection string, as Azure's tools give it. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(workspace)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  /** Reads Azurite's output until it names the port it listens on. */
  private static int awaitPort(Process process) throws IOException {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread.ofVirtual()
        .name("azurite-output")
        .start(
            () -> {
              try (var reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  if (!port.isDone()) {
                    synchronized (output) {
                      output.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                      port.complete(Integer.parseInt(m.group(1)));
                    }
                  }
                }
              } catch (IOException e) {
                // The process ended.
              }
              port.completeExceptionally(new IOException("Azurite exited"));
            });
    try {
      return port.get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      synchronized (output) {
        throw new IOException("Azurite did not start:\n" + output, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while starting Azurite", e);
    }
  }

  /** The {@code azurite-blob} program: configured, installed, or installed now with npm. */
  private static Optional<Path> binary() {
    String configured = System.getenv("LAZURITE_AZURITE_BIN");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    Optional<Path> repo = repositoryRoot();
    if (repo.isEmpty()) {
      return Optional.empty();
    }
    Path tools = repo.get().resolve(".tools/azurite");
    Path bin = tools.resolve("node_modules/.bin/azurite-blob");
    if (Files.isExecutable(bin) && pinned(tools)) {
      return Optional.of(bin);
    }
    if (!onPath("npm")) {
      return Optional.empty();
    }
    return install(tools, bin);
  }

  /** Installs Azurite with npm; one test JVM at a time, the others wait and then use it. */
  private static Optional<Path> install(Path tools, Path bin) {
    try {
      Files.createDirectories(tools);
      try (FileChannel lock =
              FileChannel.open(
                  tools.resolveSibling("azurite.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          var held = lock.lock()) {
        if (!Files.isExecutable(bin) || !pinned(tools)) {
          Process npm =
              new ProcessBuilder(
                      List.of(
                          "npm",
                          "install",
                          "--prefix",
                          tools.toString(),
                          "--no-audit",
                          "--no-fund",
                          "azurite@" + VERSION))
                  .redirectErrorStream(true)
                  .redirectOutput(tools.resolve("npm-install.log").toFile())
                  .start();
          if (!npm.waitFor(10, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.of(bin).filter(Files::isExecutable);
  }

  /** Whether the Azurite installed in a folder is the pinned version. */
  private static boolean pinned(Path tools) {
    try {
      return Files.readString(tools.resolve("node_modules/azurite/package.json"))
          .contains("\"version\": \"" + VERSION + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** The directory with the Maven wrapper, from the working directory upwards. */
  private static Optional<Path> repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("server"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
