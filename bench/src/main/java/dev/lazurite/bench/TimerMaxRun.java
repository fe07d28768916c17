package dev.lazurite.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code _max} bookkeeping of a Prometheus timer costs: 14 timers (a chat request's stage
 * timers) recorded once per request, with Micrometer's default window (three rotating buckets over
 * two minutes) against a single bucket ({@code distributionStatisticBufferLength(1)}), on {@code
 * threads} threads at once, taking turns in one process. Prints the CPU time per request.
 *
 * <p>Usage: {@code TimerMaxRun [requests-per-thread] [threads] [rounds]} (default {@code 1000000 2
 * 5}).
 */
public final class TimerMaxRun {
  private static final int STAGES = 14;

  private TimerMaxRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer[] three = new Timer[STAGES];
    Timer[] one = new Timer[STAGES];
    for (int s = 0; s < STAGES; s++) {
      three[s] = Timer.builder("three").tag("stage", "s" + s).register(registry);
      one[s] =
          Timer.builder("one")
              .tag("stage", "s" + s)
              .distributionStatisticBufferLength(1)
              .register(registry);
    }
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int r = 0; r < rounds; r++) {
        for (Timer[] timers : List.of(three, one)) {
          List<Future<Long>> cpu = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            cpu.add(
                pool.submit(
                    () -> {
                      long start = mx.getCurrentThreadCpuTime();
                      var random = ThreadLocalRandom.current();
                      for (int i = 0; i < requests; i++) {
                        for (Timer timer : timers) {
                          timer.record(random.nextLong(1_000_000), TimeUnit.NANOSECONDS);
                        }
                      }
                      return mx.getCurrentThreadCpuTime() - start;
                    }));
          }
          long total = 0;
          for (Future<Long> f : cpu) {
            total += f.get();
          }
          System.out.printf(
              "round %d %s buckets: %.1f ns per request%n",
              r, timers == three ? "three" : "one", total / (double) requests / threads);
        }
      }
    } finally {
      pool.shutdown();
    }
  }
}
