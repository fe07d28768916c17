package dev.lazurite.bench;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.LazuriteServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A whole Lazurite server for {@code bench/observability.sh}, configured as {@code lazurite serve}
 * is (flags, {@code LAZURITE_*} environment), with the data-plane audit log and Prometheus metrics
 * either both on ({@code on}, the default configuration) or both off ({@code off}: metrics off and
 * the server started through {@link LazuriteServer#startWithoutDataPlaneAudit}). Runs until the
 * process is stopped.
 *
 * <p>Usage: {@code ObservabilityServer on|off <data-dir> <port>}.
 */
public final class ObservabilityServer {
  private ObservabilityServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !(args[0].equals("on") || args[0].equals("off"))) {
      System.err.println("usage: ObservabilityServer on|off <data-dir> <port>");
      System.exit(2);
    }
    boolean on = args[0].equals("on");
    Map<String, String> flags = new HashMap<>();
    flags.put("dataDir", args[1]);
    flags.put("port", args[2]);
    flags.put("httpsPort", "-1");
    var loaded = ConfigLoader.load(flags, System.getenv(), Optional.empty());
    var config =
        loaded.withObservability(
            new ObservabilityConfig(
                on, loaded.observability().otlpEndpoint(), loaded.observability().serviceName()));
    var classifier = new ShippedClassifier();
    LazuriteServer server =
        on
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
