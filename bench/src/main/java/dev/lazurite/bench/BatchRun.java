package dev.lazurite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.json.Json;
import dev.lazurite.server.LazuriteServer;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A large batch through the simulator at zero delay: lines per second from creation to {@code
 * completed}, and the peak heap used meanwhile (pool peaks after a reset at creation). Reaches
 * nothing but 127.0.0.1.
 *
 * <p>Then the same number of lines (at most 20,000) is sent live, as many at once, to a standard
 * deployment without rate limits, and the time per line of both is compared.
 *
 * <p>Usage: {@code BatchRun [lines] [concurrency]} (default {@code 100000 32})
 */
public final class BatchRun {
  private BatchRun() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    Path dir = Files.createTempDirectory("lazurite-bench-batch");
    var config =
        ServerConfig.forTesting(dir)
            .withBatch(
                new BatchConfig(
                    Duration.ofMillis(100), Duration.ofSeconds(60), concurrency, Optional.empty()));
    try (LazuriteServer server = LazuriteServer.start(config, Clock.systemUTC())) {
      ClassifierTraining.await(server);
      var control = server.control();
      control.putDeployment(
          control.account(
              server.subscriptionId(), Bootstrap.DEFAULT_RESOURCE_GROUP, Bootstrap.DEFAULT_ACCOUNT),
          new DeploymentRequest(
              "bench-batch", "gpt-4o", "", "GlobalBatch", 1000, "", "", Optional.empty()));
      Path input = dir.resolve("input.jsonl");
      try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
        for (int i = 0; i < lines; i++) {
          out.write(
              "{\"custom_id\":\"task-"
                  + i
                  + "\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":{\"model\":"
                  + "\"bench-batch\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\","
                  + "\"content\":\"Summarise policy number "
                  + i
                  + " in one line.\"}]}}\n");
        }
      }
      String fileId;
      try (InputStream in = Files.newInputStream(input)) {
        fileId =
            server
                .files()
                .upload(
                    Bootstrap.DEFAULT_ACCOUNT,
                    FilePurpose.BATCH,
                    "input.jsonl",
                    in,
                    OptionalLong.empty(),
                    Long.MAX_VALUE)
                .id();
      }
      String key = server.defaultKeys().key1();
      String base = server.endpoint() + "/openai/batches";
      HttpClient http = HttpClient.newHttpClient();
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long started = System.nanoTime();
      JsonNode batch =
          send(
              http,
              HttpRequest.newBuilder(URI.create(base + "?api-version=2024-10-21"))
                  .header("api-key", key)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"input_file_id\":\""
                              + fileId
                              + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}"))
                  .build());
      String id = batch.path("id").asText("");
      if (id.isEmpty()) {
        throw new IllegalStateException("the batch was not created: " + batch);
      }
      long inProgress = 0;
      while (!batch.path("status").asText().matches("completed|failed|cancelled|expired")) {
        Thread.sleep(200);
        batch =
            send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/" + id + "?api-version=2024-10-21"))
                    .header("api-key", key)
                    .GET()
                    .build());
        if (inProgress == 0 && !batch.path("status").asText().equals("validating")) {
          inProgress = System.nanoTime();
        }
      }
      long ended = System.nanoTime();
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      double seconds = (ended - started) / 1e9;
      System.out.printf(
          "lines %d, concurrency %d: %s in %.1f s (validation %.1f s), %.0f lines/s,"
              + " peak heap %d MiB, counts %s%n",
          lines,
          concurrency,
          batch.path("status").asText(),
          seconds,
          (inProgress - started) / 1e9,
          lines / seconds,
          peak >> 20,
          batch.path("request_counts"));

      // The same lines sent live, as many at once as the batch ran, to a provisioned deployment (no
      // rate limit, as batch deployments have none).
      control.putDeployment(
          control.account(
              server.subscriptionId(), Bootstrap.DEFAULT_RESOURCE_GROUP, Bootstrap.DEFAULT_ACCOUNT),
          new DeploymentRequest(
              "bench-live",
              "gpt-4o",
              "",
              "GlobalProvisionedManaged",
              100,
              "",
              "",
              Optional.empty()));
      int live = Math.min(lines, 20_000);
      URI chat =
          URI.create(
              server.endpoint()
                  + "/openai/deployments/bench-live/chat/completions?api-version=2024-10-21");
      var next = new AtomicInteger();
      var refused = new AtomicInteger();
      long liveStarted = System.nanoTime();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < concurrency; t++) {
          threads.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < live; i = next.getAndIncrement()) {
                  var response =
                      http.send(
                          HttpRequest.newBuilder(chat)
                              .header("api-key", key)
                              .header("Content-Type", "application/json")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"max_tokens\":16,\"messages\":[{\"role\":\"user\","
                                          + "\"content\":\"Summarise policy number "
                                          + i
                                          + " in one line.\"}]}"))
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() != 200) {
                    refused.incrementAndGet();
                  }
                }
                return null;
              });
        }
      }
      double liveSeconds = (System.nanoTime() - liveStarted) / 1e9;
      // Validation (reading and storing the input) is not part of a line's cost.
      double perLine = (ended - inProgress) / 1e6 / lines;
      double perLive = liveSeconds / live * 1e3;
      System.out.printf(
          "live, %d requests at %d at once: %.0f req/s (%d not 200); per line %.2f ms batch (after"
              + " validation) vs"
              + " %.2f ms live (%.1fx, +%.2f ms)%n",
          live,
          concurrency,
          live / liveSeconds,
          refused.get(),
          perLine,
          perLive,
          perLine / perLive,
          perLine - perLive);
    }
  }

  private static JsonNode send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return Json.parse(response.body());
  }
}
