package dev.lazurite.bench;

import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the audit log's writer thread costs per record: one in-process server (SQLite store, the
 * JSON-lines file on), {@code threads} callers running the whole chat pipeline {@code requests}
 * times per turn; after each turn the log is flushed and the CPU time the {@code
 * lazurite-audit-writer} thread used is divided by the records it wrote. The process's CPU per
 * request is printed beside it. Run it on two builds taking turns to compare them.
 *
 * <p>Usage: {@code AuditWriterRun [requests] [turns] [threads]} (default 50000 4 8).
 */
public final class AuditWriterRun {
  private AuditWriterRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    var threadsBean = ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (var server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-audit-writer")),
            Clock.systemUTC())) {
      var pipeline = InProcessPipeline.of(server);
      Thread writer =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("lazurite-audit-writer"))
              .findFirst()
              .orElseThrow();
      double sumWriter = 0;
      double sumProcess = 0;
      for (int t = 0; t <= turns; t++) {
        server.flushAudit();
        long writerBefore = threadsBean.getThreadCpuTime(writer.threadId());
        long processBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        run(pipeline, requests, threads);
        server.flushAudit();
        long wall = System.nanoTime() - start;
        double writerNs =
            (threadsBean.getThreadCpuTime(writer.threadId()) - writerBefore) / (double) requests;
        double processNs = (os.getProcessCpuTime() - processBefore) / (double) requests;
        if (t > 0) { // the first turn warms up
          sumWriter += writerNs;
          sumProcess += processNs;
        }
        System.out.printf(
            "turn %d: writer %.1f µs CPU/record, process %.1f µs CPU/request, %.0f req/s%n",
            t, writerNs / 1e3, processNs / 1e3, requests / (wall / 1e9));
      }
      System.out.printf(
          "mean of %d turns: writer %.1f µs CPU/record, process %.1f µs CPU/request (%.1f %%)%n",
          turns, sumWriter / turns / 1e3, sumProcess / turns / 1e3, 100 * sumWriter / sumProcess);
    }
  }

  private static void run(InProcessPipeline pipeline, int requests, int threads)
      throws InterruptedException {
    var left = new AtomicInteger(requests);
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      callers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (left.getAndDecrement() > 0) {
                      pipeline.chat(PipelineBenchmark.BODY);
                    }
                  }));
    }
    for (Thread c : callers) {
      c.join();
    }
  }
}
