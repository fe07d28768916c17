package dev.lazurite.bench;

import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.server.LazuriteServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What translating to another provider adds, as ratios taken in one run: the same chat through the
 * server's whole pipeline (no HTTP edge) to three loopback stubs answering the same text natively
 * (openai-compatible), as an Anthropic message and as a Gemini response; non-streamed latency, and
 * for streams the time to the first event and to the end. The three paths take turns request by
 * request, so a busy machine slows them alike.
 *
 * <p>Usage: {@code TranslationRun [requests]} (default 2000 per path, after as many for warm-up).
 */
public final class TranslationRun {
  private record Path(String name, InProcessPipeline chat, InProcessPipeline stream) {}

  private TranslationRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    List<StubUpstream> stubs =
        List.of(
            StubUpstream.start(StubUpstream.CHAT),
            StubUpstream.start(StubUpstream.MESSAGE),
            StubUpstream.start(StubUpstream.GENERATE),
            StubUpstream.start(StubUpstream.CHAT_STREAM, "text/event-stream"),
            StubUpstream.start(StubUpstream.MESSAGE_STREAM, "text/event-stream"),
            StubUpstream.start(StubUpstream.GENERATE_STREAM, "text/event-stream"));
    try (LazuriteServer server =
        LazuriteServer.start(
            ServerConfig.forTesting(Files.createTempDirectory("lazurite-translation-run")),
            Clock.systemUTC(),
            UpstreamSecrets.of(Map.of("UPSTREAM_KEY", "stub-upstream-key")::get))) {
      List<Path> paths =
          List.of(
              new Path(
                  "native",
                  pipeline(server, "n", BackendKind.OPENAI_COMPATIBLE, stubs.get(0).baseUrl()),
                  pipeline(server, "ns", BackendKind.OPENAI_COMPATIBLE, stubs.get(3).baseUrl())),
              new Path(
                  "anthropic",
                  pipeline(server, "a", BackendKind.ANTHROPIC, stubs.get(1).baseUrl()),
                  pipeline(server, "as", BackendKind.ANTHROPIC, stubs.get(4).baseUrl())),
              new Path(
                  "gemini",
                  pipeline(server, "g", BackendKind.GEMINI, stubs.get(2).geminiUrl()),
                  pipeline(server, "gs", BackendKind.GEMINI, stubs.get(5).geminiUrl())));
      String streamed =
          PipelineBenchmark.BODY.replace("\"seed\":1}", "\"seed\":1,\"stream\":true}");
      Histogram[][] results = new Histogram[paths.size()][3];
      for (int warm = 0; warm < 2; warm++) {
        for (Histogram[] row : results) {
          for (int k = 0; k < row.length; k++) {
            row[k] = new Histogram(60_000_000_000L, 3);
          }
        }
        for (int i = 0; i < requests; i++) {
          for (int p = 0; p < paths.size(); p++) {
            Path path = paths.get(p);
            long t0 = System.nanoTime();
            path.chat().chat(PipelineBenchmark.BODY);
            results[p][0].recordValue(System.nanoTime() - t0);
            long[] times = path.stream().stream(streamed);
            results[p][1].recordValue(times[0]);
            results[p][2].recordValue(times[1]);
          }
        }
      }
      System.out.println(
          "path       chat_p50_us  ratio  first_event_p50_us  ratio  stream_end_p50_us  ratio");
      for (int p = 0; p < paths.size(); p++) {
        System.out.printf(
            "%-10s %11.1f %6.2f %19.1f %6.2f %18.1f %6.2f%n",
            paths.get(p).name(),
            micros(results[p][0]),
            ratio(results[p][0], results[0][0]),
            micros(results[p][1]),
            ratio(results[p][1], results[0][1]),
            micros(results[p][2]),
            ratio(results[p][2], results[0][2]));
      }
    } finally {
      for (StubUpstream stub : stubs) {
        stub.close();
      }
    }
  }

  private static InProcessPipeline pipeline(
      LazuriteServer server, String name, BackendKind kind, String url) {
    String model =
        switch (kind) {
          case ANTHROPIC -> "claude-sonnet-4-20250514";
          case GEMINI -> "gemini-2.5-flash";
          case SIMULATOR, EMBEDDED, OPENAI_COMPATIBLE, AZURE, OPENAI -> "gpt-4o";
        };
    return InProcessPipeline.of(
        server, "bench-" + name, Optional.of(new BackendSpec(kind, url, model, "UPSTREAM_KEY")));
  }

  private static double micros(Histogram h) {
    return h.getValueAtPercentile(50) / 1_000.0;
  }

  private static double ratio(Histogram h, Histogram base) {
    return (double) h.getValueAtPercentile(50) / base.getValueAtPercentile(50);
  }
}
