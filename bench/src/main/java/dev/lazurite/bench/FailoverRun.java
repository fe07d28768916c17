package dev.lazurite.bench;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Failover time: a gateway pools two upstream Lazurite servers (West Europe first, East US second)
 * behind one GlobalStandard deployment; clients drive chat at a fixed concurrency, each pausing
 * {@value #PACE_MILLIS} ms between requests to stay under the deployment's quota; the first
 * upstream is stopped mid-run. Reports the client errors, the time from the stop to the first
 * answer from East US, and latency before and after. Loopback only; bounded in time.
 *
 * <p>Usage: {@code FailoverRun [concurrency] [secondsBefore] [secondsAfter]}
 */
public final class FailoverRun {
  private static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":16}";

  private static final long PACE_MILLIS = 50;

  private FailoverRun() {}

  record Sample(long startNanos, long endNanos, int status, String region) {}

  public static void main(String[] args) throws Exception {
    int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    long before = args.length > 1 ? Long.parseLong(args[1]) : 5;
    long after = args.length > 2 ? Long.parseLong(args[2]) : 5;
    LazuriteServer west = start("west");
    try (LazuriteServer east = start("east");
        LazuriteServer gateway = start("gateway")) {
      var control = gateway.control();
      var account =
          control.account(
              gateway.subscriptionId(),
              Bootstrap.DEFAULT_RESOURCE_GROUP,
              Bootstrap.DEFAULT_ACCOUNT);
      for (var upstream :
          List.of(
              new Object[] {"west", west, "westeurope", 0},
              new Object[] {"east", east, "eastus", 1})) {
        LazuriteServer server = (LazuriteServer) upstream[1];
        // The upstream's own deployment, sized so that it never throttles the run.
        var upstreamControl = server.control();
        upstreamControl.putDeployment(
            upstreamControl.account(
                server.subscriptionId(),
                Bootstrap.DEFAULT_RESOURCE_GROUP,
                Bootstrap.DEFAULT_ACCOUNT),
            new DeploymentRequest(
                "gpt-4o", "gpt-4o", "", "GlobalStandard", 1000, "", "", Optional.empty()));
        control.putBackend(
            account,
            (String) upstream[0],
            new BackendSpec(
                BackendKind.OPENAI_COMPATIBLE, server.endpoint() + "/openai/v1", "gpt-4o", ""),
            (String) upstream[2],
            (Integer) upstream[3],
            1,
            FaultInjection.NONE,
            new BackendSecret(server.defaultKeys().key1()));
      }
      control.putDeployment(
          account,
          new DeploymentRequest(
              "pooled", "gpt-4o", "", "GlobalStandard", 900, "", "", Optional.empty()));
      control.setPool(account, "pooled", List.of("west", "east"));

      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      gateway.endpoint()
                          + "/openai/deployments/pooled/chat/completions?api-version=2024-10-21"))
              .header("Content-Type", "application/json")
              .header("api-key", gateway.defaultKeys().key1())
              .POST(HttpRequest.BodyPublishers.ofString(BODY))
              .build();
      var samples = new ConcurrentLinkedQueue<Sample>();
      var running = new AtomicBoolean(true);
      var workers = Executors.newVirtualThreadPerTaskExecutor();
      for (int i = 0; i < concurrency; i++) {
        workers.submit(
            () -> {
              while (running.get()) {
                long start = System.nanoTime();
                try {
                  var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) {
                    System.out.printf("error %d: %s%n", response.statusCode(), response.body());
                  }
                  samples.add(
                      new Sample(
                          start,
                          System.nanoTime(),
                          response.statusCode(),
                          response.headers().firstValue("x-ms-region").orElse("")));
                } catch (Exception e) {
                  System.out.println("error: " + e);
                  samples.add(new Sample(start, System.nanoTime(), -1, ""));
                }
                // Paced under the deployment's request limit (900 units: 90 requests a second).
                Thread.sleep(PACE_MILLIS);
              }
              return null;
            });
      }
      Thread.sleep(before * 1000);
      long killed = System.nanoTime();
      west.close();
      long stopped = System.nanoTime();
      Thread.sleep(after * 1000);
      running.set(false);
      workers.close();
      client.close();
      report(samples, killed, stopped, before);
    }
  }

  private static LazuriteServer start(String name) throws Exception {
    return LazuriteServer.start(
        ServerConfig.forTesting(Files.createTempDirectory("lazurite-failover-" + name)),
        Clock.systemUTC());
  }

  private static void report(
      ConcurrentLinkedQueue<Sample> samples, long killed, long stopped, long before) {
    Histogram steady = new Histogram(3_600_000_000L, 3);
    Histogram afterKill = new Histogram(3_600_000_000L, 3);
    long errors = 0;
    long firstEast = Long.MAX_VALUE;
    long lastWest = 0;
    long warmup = killed - (before * 1_000_000_000L) / 2;
    for (Sample s : samples) {
      long micros = (s.endNanos() - s.startNanos()) / 1_000;
      if (s.status() != 200) {
        errors++;
      }
      if (s.startNanos() >= warmup && s.endNanos() < killed) {
        steady.recordValue(micros);
      } else if (s.endNanos() >= killed) {
        afterKill.recordValue(micros);
      }
      if (s.region().equals("East US") && s.endNanos() >= killed) {
        firstEast = Math.min(firstEast, s.endNanos());
      }
      if (s.region().equals("West Europe")) {
        lastWest = Math.max(lastWest, s.endNanos());
      }
    }
    System.out.printf("requests %d, client errors %d%n", samples.size(), errors);
    System.out.printf(
        "stopping West Europe took %.1f ms (in-flight requests finish first)%n",
        (stopped - killed) / 1e6);
    System.out.printf(
        "last answer from West Europe %.1f ms after the stop began; first from East US %.1f ms"
            + " after%n",
        (lastWest - killed) / 1e6, (firstEast - killed) / 1e6);
    System.out.printf(
        "latency before: p50 %d µs, p99 %d µs; after: p50 %d µs, p99 %d µs, max %d µs%n",
        steady.getValueAtPercentile(50),
        steady.getValueAtPercentile(99),
        afterKill.getValueAtPercentile(50),
        afterKill.getValueAtPercentile(99),
        afterKill.getMaxValue());
  }
}
