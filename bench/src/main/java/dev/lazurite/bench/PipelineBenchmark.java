package dev.lazurite.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.json.Json;
import dev.lazurite.server.LazuriteServer;
import dev.lazurite.tokens.TokenCounter;
import java.nio.file.Files;
import java.time.Clock;
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
 * The data plane's own work per request, without the network: parsing and validating a chat body,
 * counting its prompt tokens, and the whole pipeline (authentication, api-version, deployment,
 * validation, simulator, metering) for one non-streamed chat.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class PipelineBenchmark {
  static final String BODY =
      "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
          + "{\"role\":\"user\",\"content\":\"Summarise the benefits of rate limiting in two sentences.\"}],"
          + "\"max_tokens\":16,\"temperature\":0.2,\"seed\":1}";

  LazuriteServer server;
  InProcessPipeline pipeline;
  TokenCounter tokens;
  ObjectNode body;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-jmh")), Clock.systemUTC());
    pipeline = InProcessPipeline.of(server);
    tokens = new TokenCounter();
    body = (ObjectNode) Json.MAPPER.readTree(BODY);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  @Benchmark
  public Object parseChatRequest() {
    return ChatRequestParser.parse(body, "2024-10-21");
  }

  @Benchmark
  public int countPromptTokens() {
    return tokens.chatPrompt(Encoding.O200K_BASE, ChatRequestParser.parse(body, "2024-10-21"));
  }

  @Benchmark
  public Object wholePipelineChat() {
    return pipeline.chat(BODY);
  }
}
