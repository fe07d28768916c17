package dev.lazurite.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The upstream clients of {@link UpstreamClientBenchmark} calling the same in-process stub,
 * interleaved block by block (the order rotates each round), so that a busy machine slows them
 * alike. Per client: the process's CPU time per call (the stub's share is the same for all, so the
 * differences are the clients') and the wall time per call, as medians over the rounds.
 *
 * <p>Usage: {@code UpstreamClientRun [rounds] [calls-per-block] [concurrent-callers] [client,...]}
 * (default {@code 20 2000 1 apache,async1,async2,jdk,helidon}; the first client is the base of the
 * ratios); callers are virtual threads, as the server's request threads are.
 */
public final class UpstreamClientRun {
  private UpstreamClientRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int callers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<String> names =
        args.length > 3
            ? List.of(args[3].split(","))
            : List.of("apache", "async1", "async2", "jdk", "helidon");
    try (var clients = UpstreamClientBenchmark.Clients.start();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Map<String, Callable<byte[]>> all =
          Map.of(
              "apache", clients::apache,
              "async1", clients::async1,
              "async2", clients::async2,
              "jdk", clients::jdk,
              "helidon", clients::helidon);
      List<Callable<byte[]>> clientCalls = new ArrayList<>();
      for (String name : names) {
        Callable<byte[]> call = all.get(name);
        if (call == null) {
          throw new IllegalArgumentException("no client " + name + "; known: " + all.keySet());
        }
        clientCalls.add(call);
      }
      // Warm-up: JIT and connection pools of every client.
      for (int c = 0; c < names.size(); c++) {
        block(pool, clientCalls.get(c), calls * 2, callers);
      }
      double[][] cpu = new double[names.size()][rounds];
      double[][] wall = new double[names.size()][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < names.size(); k++) {
          int c = (k + r) % names.size();
          long cpu0 = os.getProcessCpuTime();
          long t0 = System.nanoTime();
          block(pool, clientCalls.get(c), calls, callers);
          wall[c][r] = (System.nanoTime() - t0) / 1_000.0 / calls;
          cpu[c][r] = (os.getProcessCpuTime() - cpu0) / 1_000.0 / calls;
        }
      }
      System.out.printf(
          "%-8s %12s %12s %10s%n", "client", "cpu µs/call", "wall µs/call", "cpu ÷ first");
      double base = median(cpu[0]);
      for (int c = 0; c < names.size(); c++) {
        System.out.printf(
            "%-8s %12.1f %12.1f %10.2f%n",
            names.get(c), median(cpu[c]), median(wall[c]), median(cpu[c]) / base);
      }
    }
  }

  private static void block(ExecutorService pool, Callable<byte[]> call, int calls, int callers)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      int share = calls / callers;
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < share; i++) {
                  call.call();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
