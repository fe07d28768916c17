package dev.lazurite.bench;

import dev.lazurite.observability.GatewayMetrics;
import dev.lazurite.observability.GenAiMetrics;
import dev.lazurite.pipeline.Caller;
import dev.lazurite.pipeline.Charge;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.NetworkPath;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What the metrics listeners cost one chat request on the server's Prometheus registry: a stage end
 * per pipeline stage, a backend attempt, the request's end for {@link GatewayMetrics} and {@link
 * GenAiMetrics}. Prints the CPU time and the bytes allocated per request on this thread (the
 * listeners run on the request's thread), medians of the rounds.
 *
 * <p>Usage: {@code MetricsListenerRun [rounds] [requests-per-round]} (default {@code 10 200000}).
 */
public final class MetricsListenerRun {
  private static final List<String> STAGES =
      List.of(
          "network",
          "api-version",
          "authentication",
          "body",
          "authorization",
          "deployment",
          "capture",
          "request",
          "budget",
          "quota",
          "prompt-filter",
          "retrieval",
          "completion-filter",
          "routing");

  private MetricsListenerRun() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var gateway = new GatewayMetrics(registry);
    var genAi = new GenAiMetrics(registry);
    Ledger ledger =
        new Ledger(
            "req-1",
            "ChatCompletions_Create",
            "acct",
            "stub",
            "gpt-4o",
            "key1",
            11,
            9,
            200,
            false,
            0L,
            400_000L,
            "/subscriptions/x",
            Caller.NONE,
            NetworkPath.UNKNOWN,
            FilterOutcome.NONE,
            400_000L,
            0,
            Charge.NONE);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    long[] nanos = new long[rounds];
    long[] bytes = new long[rounds];
    for (int r = -3; r < rounds; r++) { // three rounds of warm-up
      long b0 = threads.getThreadAllocatedBytes(tid);
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < requests; i++) {
        for (String stage : STAGES) {
          gateway.stageEnd("req-1", stage, 1_000L);
        }
        gateway.backendAttemptEnd("req-1", "stub", 200);
        gateway.requestEnd(ledger);
        genAi.requestEnd(ledger);
      }
      if (r >= 0) {
        nanos[r] = (threads.getCurrentThreadCpuTime() - t0) / requests;
        bytes[r] = (threads.getThreadAllocatedBytes(tid) - b0) / requests;
      }
    }
    java.util.Arrays.sort(nanos);
    java.util.Arrays.sort(bytes);
    System.out.printf(
        "cpu ns/request %d  bytes/request %d%n", nanos[rounds / 2], bytes[rounds / 2]);
  }
}
