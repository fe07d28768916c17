package dev.lazurite.bench;

import dev.lazurite.server.LazuriteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until a server's embedded content classifier has finished its background training, as its
 * {@code /readyz} says, so that no measurement shares the cores with the training.
 */
final class ClassifierTraining {
  private static final Duration LIMIT = Duration.ofMinutes(10);

  private ClassifierTraining() {}

  static void await(LazuriteServer... servers) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (LazuriteServer server : servers) {
        var request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/readyz")).build();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline
            && http.send(request, HttpResponse.BodyHandlers.ofString())
                .body()
                .contains("\"classifier\":\"training\"")) {
          Thread.sleep(200);
        }
      }
    }
  }
}
