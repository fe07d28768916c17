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
 * What translating to another provider adds to a call: the same non-streamed chat through the whole
 * pipeline, once to an openai-compatible upstream that answers natively ({@code native}) and once
 * to an anthropic backend whose upstream answers the same text as a Messages API message ({@code
 * translated}). Both stubs are on loopback and answer at once, so the difference between the two is
 * the translation (request to Messages, message to chat completion) and nothing else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class TranslationBenchmark {
  StubUpstream openAi;
  StubUpstream anthropic;
  LazuriteServer server;
  InProcessPipeline nativeCall;
  InProcessPipeline translatedCall;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    openAi = StubUpstream.start();
    anthropic = StubUpstream.start(StubUpstream.MESSAGE);
    server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-jmh-translation")),
            Clock.systemUTC(),
            UpstreamSecrets.of(Map.of("UPSTREAM_KEY", "stub-upstream-key")::get));
    nativeCall =
        InProcessPipeline.of(
            server,
            "bench-native",
            Optional.of(
                new BackendSpec(
                    BackendKind.OPENAI_COMPATIBLE, openAi.baseUrl(), "gpt-4o", "UPSTREAM_KEY")));
    translatedCall =
        InProcessPipeline.of(
            server,
            "bench-translated",
            Optional.of(
                new BackendSpec(
                    BackendKind.ANTHROPIC,
                    anthropic.baseUrl(),
                    "claude-sonnet-4-20250514",
                    "UPSTREAM_KEY")));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws java.io.IOException {
    server.close();
    openAi.close();
    anthropic.close();
  }

  @Benchmark
  public Object nativeChat() {
    return nativeCall.chat(PipelineBenchmark.BODY);
  }

  @Benchmark
  public Object translatedChat() {
    return translatedCall.chat(PipelineBenchmark.BODY);
  }
}
