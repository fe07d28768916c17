package dev.lazurite.bench;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The openai-compatible proxy path without the gateway's own HTTP server: the whole default
 * pipeline (key auth, RBAC, quota, the default content filter, metering) routing a non-streamed
 * chat to the openai-compatible backend, which calls a stub upstream on loopback answering a fixed
 * chat completion. Read its allocation ({@code -prof gc}) rather than its time: the stub's own work
 * and the loopback hop are in the time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class ProxyBenchmark {
  static final String DEPLOYMENT = "bench-proxied";

  StubUpstream upstream;
  LazuriteServer server;
  InProcessPipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    upstream = StubUpstream.start();
    server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-jmh-proxy")),
            Clock.systemUTC(),
            UpstreamSecrets.of(Map.of("UPSTREAM_KEY", "stub-upstream-key")::get));
    pipeline =
        InProcessPipeline.of(
            server,
            DEPLOYMENT,
            Optional.of(
                new BackendSpec(
                    BackendKind.OPENAI_COMPATIBLE, upstream.baseUrl(), "gpt-4o", "UPSTREAM_KEY")));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws java.io.IOException {
    server.close();
    upstream.close();
  }

  @Benchmark
  public Object proxiedChat() {
    return pipeline.chat(PipelineBenchmark.BODY);
  }
}
