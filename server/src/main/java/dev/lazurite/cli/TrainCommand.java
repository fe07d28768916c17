package dev.lazurite.cli;

import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Starts a throw-away server on free ports, sends it the requests a fresh server first sees, and
 * stops. The launcher runs it once per build with {@code -XX:ArchiveClassesAtExit}, so that the
 * class-data archive holds what {@code serve} loads.
 */
@Command(
    name = "train-startup",
    hidden = true,
    description = "Exercise start-up for the class-data archive.")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("lazurite-train");
    try (LazuriteServer server =
            LazuriteServer.start(ServerConfig.forTesting(dir), Clock.systemUTC());
        HttpClient http = HttpClient.newHttpClient()) {
      String key = server.defaultKeys().key1();
      String chat = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
      for (String body :
          new String[] {
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}",
            "{\"messages\":[]}"
          }) {
        http.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + chat))
                .header("api-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
