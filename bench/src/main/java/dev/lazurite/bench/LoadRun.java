package dev.lazurite.bench;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.server.LazuriteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A load run against whole servers started in this JVM on loopback: non-streamed chat through the
 * full stack to the simulator, and the latency the openai-compatible backend adds over calling the
 * same upstream directly. Bounded in requests and time; reaches nothing but 127.0.0.1.
 *
 * <p>Usage: {@code LoadRun [requestsPerLevel] [concurrency,...]}
 */
public final class LoadRun {
  private static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":16,\"seed\":1}";

  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    List<Integer> levels = new ArrayList<>();
    for (String c : (args.length > 1 ? args[1] : "1,64").split(",")) {
      levels.add(Integer.parseInt(c));
    }
    var quiet = ServerConfig.forTesting(Files.createTempDirectory("lazurite-bench-upstream"));
    try (LazuriteServer upstream = LazuriteServer.start(quiet, Clock.systemUTC());
        LazuriteServer gateway =
            LazuriteServer.start(
                ServerConfig.forTesting(Files.createTempDirectory("lazurite-bench-gateway")),
                Clock.systemUTC(),
                dev.lazurite.backend.UpstreamSecrets.of(
                    Map.of("UPSTREAM_KEY", upstream.defaultKeys().key1())::get))) {
      ClassifierTraining.await(upstream, gateway);
      var control = gateway.control();
      control.putDeployment(
          control.account(
              gateway.subscriptionId(),
              Bootstrap.DEFAULT_RESOURCE_GROUP,
              Bootstrap.DEFAULT_ACCOUNT),
          new DeploymentRequest(
              "proxied",
              "gpt-4o",
              "",
              "GlobalStandard",
              1000,
              "",
              "",
              Optional.of(
                  new BackendSpec(
                      BackendKind.OPENAI_COMPATIBLE,
                      upstream.endpoint() + "/openai/v1",
                      "gpt-4o",
                      "UPSTREAM_KEY"))));
      String gatewayKey = gateway.defaultKeys().key1();
      URI full =
          URI.create(
              gateway.endpoint()
                  + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
      URI proxied =
          URI.create(
              gateway.endpoint()
                  + "/openai/deployments/proxied/chat/completions?api-version=2024-10-21");
      URI direct =
          URI.create(
              upstream.endpoint()
                  + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
      System.out.printf(
          "%-34s %5s %9s %9s %9s %9s%n", "scenario", "conc", "req/s", "p50 µs", "p99 µs", "errors");
      for (int concurrency : levels) {
        report(
            "chat, full stack to simulator",
            concurrency,
            run(full, gatewayKey, concurrency, requests));
      }
      for (int concurrency : levels) {
        Result d = run(direct, upstream.defaultKeys().key1(), concurrency, requests);
        Result p = run(proxied, gatewayKey, concurrency, requests);
        report("upstream called directly", concurrency, d);
        report("same upstream via openai-compatible", concurrency, p);
        System.out.printf(
            "%-34s %5d %9s %9d %9d%n",
            "  added by the gateway",
            concurrency,
            "",
            p.histogram.getValueAtPercentile(50) - d.histogram.getValueAtPercentile(50),
            p.histogram.getValueAtPercentile(99) - d.histogram.getValueAtPercentile(99));
      }
    }
  }

  record Result(Histogram histogram, double perSecond, long errors) {}

  static Result run(URI uri, String key, int concurrency, int requests) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("api-key", key)
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    // Warm-up: JIT and connection pools.
    drive(
        client,
        request,
        concurrency,
        Math.max(2_000, requests / 5),
        new Histogram(3_600_000_000L, 3),
        new AtomicLong());
    Histogram histogram = new Histogram(3_600_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    drive(client, request, concurrency, requests, histogram, errors);
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close();
    return new Result(histogram, requests / seconds, errors.get());
  }

  private static void drive(
      HttpClient client,
      HttpRequest request,
      int concurrency,
      int requests,
      Histogram histogram,
      AtomicLong errors)
      throws InterruptedException {
    AtomicLong remaining = new AtomicLong(requests);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < concurrency; w++) {
        workers.submit(
            () -> {
              while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                try {
                  HttpResponse<byte[]> response =
                      client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
                synchronized (histogram) {
                  histogram.recordValue((System.nanoTime() - t0) / 1_000);
                }
              }
              return null;
            });
      }
    }
  }

  private static void report(String name, int concurrency, Result r) {
    System.out.printf(
        "%-34s %5d %9.0f %9d %9d %9d%n",
        name,
        concurrency,
        r.perSecond,
        r.histogram.getValueAtPercentile(50),
        r.histogram.getValueAtPercentile(99),
        r.errors);
  }
}
