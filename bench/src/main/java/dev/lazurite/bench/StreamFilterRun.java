package dev.lazurite.bench;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.cli.Main;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.json.Json;
import dev.lazurite.server.LazuriteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Time to the first streamed text with the content filter in Azure's default mode (text held back
 * until a window is checked) against the asynchronous mode (text sent at once), on the simulator
 * with no delay between tokens and with 20 ms between tokens. Usage: {@code StreamFilterRun
 * [requests]}.
 */
public final class StreamFilterRun {
  static final String TEXT =
      "The library opens at nine on weekdays. Students may borrow up to five books at a time and"
          + " renew them online. The reading room on the second floor is quiet, and group rooms can"
          + " be booked at the front desk for up to two hours.";

  private StreamFilterRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    System.out.println("| inter-token delay | mode | p50 ms | p90 ms |");
    System.out.println("|---|---|---|---|");
    for (Duration delay : new Duration[] {Duration.ZERO, Duration.ofMillis(20)}) {
      Path dir = Files.createTempDirectory("lazurite-bench-filter");
      ServerConfig config =
          ServerConfig.forTesting(dir)
              .withSimulator(new SimulatorConfig(Duration.ZERO, delay, 20, 60));
      try (LazuriteServer server = LazuriteServer.start(config, Clock.systemUTC());
          HttpClient http = HttpClient.newHttpClient()) {
        ClassifierTraining.await(server);
        cli(dir, "rai-policy", "create", "--name", "async", "--mode", "Asynchronous_filter");
        for (String mode : new String[] {"held", "async"}) {
          cli(
              dir,
              "deployment",
              "create",
              "--name",
              mode,
              "--model-name",
              "gpt-4o",
              "--sku-name",
              "GlobalStandard",
              "--sku-capacity",
              "400",
              "--rai-policy",
              mode.equals("async") ? "async" : "Microsoft.DefaultV2");
        }
        for (String mode : new String[] {"held", "async"}) {
          long[] ttft = new long[requests];
          for (int i = -20; i < requests; i++) {
            long t = firstText(http, server, mode);
            if (i >= 0) {
              ttft[i] = t;
            }
          }
          Arrays.sort(ttft);
          System.out.printf(
              "| %d ms | %s | %.2f | %.2f |%n",
              delay.toMillis(), mode, ttft[requests / 2] / 1e6, ttft[requests * 9 / 10] / 1e6);
        }
      }
    }
  }

  private static void cli(Path dir, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.toString();
    var cli = Main.commandLine();
    cli.setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    if (cli.execute(all) != 0) {
      throw new IllegalStateException("lazurite " + String.join(" ", args) + " failed");
    }
  }

  /** Nanoseconds from sending the request to the first chunk that carries text. */
  private static long firstText(HttpClient http, LazuriteServer server, String deployment)
      throws Exception {
    var body = Json.MAPPER.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", "/echo " + TEXT);
    body.put("stream", true);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    server.endpoint()
                        + "/openai/deployments/"
                        + deployment
                        + "/chat/completions?api-version=2024-10-21"))
            .header("api-key", server.defaultKeys().key1())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    long start = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        http.send(request, HttpResponse.BodyHandlers.ofLines());
    long first = -1;
    StringBuilder seen = new StringBuilder();
    try (var lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (seen.length() < 2000) {
          seen.append(line).append('\n');
        }
        if (first < 0
            && line.startsWith("data: {")
            && line.contains("\"content\":\"")
            && !line.contains("\"content\":\"\"")) {
          first = System.nanoTime() - start;
        }
      }
    }
    if (first < 0) {
      throw new IllegalStateException(
          "no text streamed from " + deployment + " (" + response.statusCode() + "): " + seen);
    }
    return first;
  }
}
