package dev.lazurite.bench;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.LazuriteServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A whole Lazurite server for {@code bench/observability.sh}, configured as {@code lazurite serve}
 * is (flags, {@code LAZURITE_*} environment), with the data-plane audit log and Prometheus metrics
 * either both on ({@code on}, the default configuration) or both off ({@code off}: metrics off and
 * the server started through {@link LazuriteServer#startWithoutDataPlaneAudit}), or one of the two
 * alone ({@code audit}, {@code metrics}) to tell their costs apart. Runs until the process is
 * stopped.
 *
 * <p>Usage: {@code ObservabilityServer on|off|audit|metrics <data-dir> <port>}.
 */
public final class ObservabilityServer {
  private ObservabilityServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !List.of("on", "off", "audit", "metrics").contains(args[0])) {
      System.err.println("usage: ObservabilityServer on|off|audit|metrics <data-dir> <port>");
      System.exit(2);
    }
    boolean metrics = args[0].equals("on") || args[0].equals("metrics");
    boolean audit = args[0].equals("on") || args[0].equals("audit");
    Map<String, String> flags = new HashMap<>();
    flags.put("dataDir", args[1]);
    flags.put("port", args[2]);
    flags.put("httpsPort", "-1");
    var loaded = ConfigLoader.load(flags, System.getenv(), Optional.empty());
    var config =
        loaded.withObservability(
            new ObservabilityConfig(
                metrics,
                loaded.observability().otlpEndpoint(),
                loaded.observability().serviceName()));
    var classifier = new ShippedClassifier();
    LazuriteServer server =
        audit
            ? LazuriteServer.start(config, Clock.systemUTC(), UpstreamSecrets.PROCESS, classifier)
            : LazuriteServer.startWithoutDataPlaneAudit(config, Clock.systemUTC(), classifier);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "bench-shutdown"));
    System.out.println("audit and metrics " + args[0] + " at " + server.endpoint());
    stopped.await();
  }
}
