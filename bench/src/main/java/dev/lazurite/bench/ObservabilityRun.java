package dev.lazurite.bench;

import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Metrics on versus off at 64 concurrent callers: two servers in this JVM (the whole in-process
 * chat pipeline, audit log on in both, Prometheus metrics on in one), driven by turns of {@code
 * seconds} each, alternating, so that the machine's load affects both alike. Prints the requests
 * per second of each mode per round and overall, and the cost of metrics as a ratio.
 *
 * <p>Usage: {@code ObservabilityRun [rounds] [seconds] [threads]} (default 8 2 64).
 */
public final class ObservabilityRun {
  private ObservabilityRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    try (var off = server(false);
        var on = server(true)) {
      var pipelines = List.of(InProcessPipeline.of(off), InProcessPipeline.of(on));
      String[] names = {"metrics off", "metrics on"};
      for (var p : pipelines) {
        turn(p, threads, seconds); // warm-up
      }
      double[] total = new double[2];
      for (int r = 1; r <= rounds; r++) {
        StringBuilder line = new StringBuilder("round " + r + ":");
        for (int i = 0; i < 2; i++) {
          int which = (r % 2 == 0) ? 1 - i : i; // alternate which goes first
          double rate = turn(pipelines.get(which), threads, seconds);
          total[which] += rate;
          line.append(String.format("  %s %.0f req/s", names[which], rate));
        }
        System.out.println(line);
      }
      double offRate = total[0] / rounds;
      double onRate = total[1] / rounds;
      System.out.printf(
          "mean over %d rounds at %d callers: off %.0f req/s, on %.0f req/s, cost %.1f %%%n",
          rounds, threads, offRate, onRate, 100 * (1 - onRate / offRate));
    }
  }

  private static LazuriteServer server(boolean metrics) throws Exception {
    return LazuriteServer.start(
        ServerConfig.forTesting(Files.createTempDirectory("lazurite-obs"))
            .withObservability(new ObservabilityConfig(metrics, Optional.empty(), "bench")),
        Clock.systemUTC());
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
