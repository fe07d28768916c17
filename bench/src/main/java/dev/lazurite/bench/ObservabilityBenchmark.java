package dev.lazurite.bench;

import com.sun.net.httpserver.HttpServer;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole in-process chat pipeline with metrics and traces off, metrics on, and both on (spans
 * exported over OTLP/HTTP to a receiver in the same process that drops them).
 */
@State(Scope.Benchmark)
public class ObservabilityBenchmark {
  @Param({"off", "metrics", "metrics+traces"})
  public String mode;

  LazuriteServer server;
  InProcessPipeline pipeline;
  HttpServer receiver;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    URI otlp = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
    var observability =
        switch (mode) {
          case "off" -> new ObservabilityConfig(false, Optional.empty(), "bench");
          case "metrics" -> new ObservabilityConfig(true, Optional.empty(), "bench");
          default -> new ObservabilityConfig(true, Optional.of(otlp), "bench");
        };
    server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-jmh"))
                .withObservability(observability),
            Clock.systemUTC());
    pipeline = InProcessPipeline.of(server);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
    receiver.stop(0);
  }

  @Benchmark
  public Object wholePipelineChat() {
    return pipeline.chat(PipelineBenchmark.BODY);
  }
}
