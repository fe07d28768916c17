package dev.lazurite.bench;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.LazuriteServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What auditing and metrics cost at 64 concurrent callers: four servers in this JVM (the whole
 * in-process chat pipeline), with the data-plane audit log and Prometheus metrics both on, both
 * off, and each alone, driven by turns of {@code seconds} each, one server after another, the order
 * rotating every round, so that the machine's load affects all alike. Prints the requests per
 * second of each per round and overall, and each one's cost as a share of the throughput with both
 * off.
 *
 * <p>Usage: {@code ObservabilityRun [rounds] [seconds] [threads]} (default 8 2 64).
 */
public final class ObservabilityRun {
  private static final String[] NAMES = {"both off", "audit+metrics", "audit only", "metrics only"};

  private ObservabilityRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    var classifier = new ShippedClassifier();
    try (var off = server(false, false, classifier);
        var both = server(true, true, classifier);
        var audit = server(true, false, classifier);
        var metrics = server(false, true, classifier)) {
      var pipelines =
          List.of(
              InProcessPipeline.of(off),
              InProcessPipeline.of(both),
              InProcessPipeline.of(audit),
              InProcessPipeline.of(metrics));
      int n = pipelines.size();
      for (var p : pipelines) {
        turn(p, threads, seconds); // warm-up
      }
      double[] total = new double[n];
      for (int r = 1; r <= rounds; r++) {
        StringBuilder line = new StringBuilder("round " + r + ":");
        for (int i = 0; i < n; i++) {
          int which = (i + r) % n; // rotate which goes first
          double rate = turn(pipelines.get(which), threads, seconds);
          total[which] += rate;
          line.append(String.format("  %s %.0f", NAMES[which], rate));
        }
        System.out.println(line + " req/s");
      }
      double offRate = total[0] / rounds;
      StringBuilder summary =
          new StringBuilder(
              String.format(
                  "mean over %d rounds at %d callers: both off %.0f req/s",
                  rounds, threads, offRate));
      for (int i = 1; i < n; i++) {
        double rate = total[i] / rounds;
        summary.append(
            String.format(
                ", %s %.0f req/s (cost %.1f %%)", NAMES[i], rate, 100 * (1 - rate / offRate)));
      }
      System.out.println(summary);
    }
  }

  private static LazuriteServer server(boolean audit, boolean metrics, ShippedClassifier classifier)
      throws Exception {
    var config =
        ServerConfig.forTesting(Files.createTempDirectory("lazurite-obs"))
            .withObservability(new ObservabilityConfig(metrics, Optional.empty(), "bench"));
    return audit
        ? LazuriteServer.start(config, Clock.systemUTC(), UpstreamSecrets.PROCESS, classifier)
        : LazuriteServer.startWithoutDataPlaneAudit(config, Clock.systemUTC(), classifier);
  }

  /** Requests per second of {@code threads} callers for {@code seconds}. */
  private static double turn(InProcessPipeline pipeline, int threads, double seconds)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var done = new LongAdder();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      callers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!stop.get()) {
                      pipeline.chat(PipelineBenchmark.BODY);
                      done.increment();
                    }
                  }));
    }
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread c : callers) {
      c.join();
    }
    return done.sum() / ((System.nanoTime() - start) / 1e9);
  }
}
