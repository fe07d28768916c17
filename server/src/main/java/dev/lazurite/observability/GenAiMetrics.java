package dev.lazurite.observability;

import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry GenAI server metrics of every model call, from its ledger: {@code
 * gen_ai.client.token.usage} (input and output), {@code gen_ai.server.request.duration}, {@code
 * gen_ai.server.time_to_first_token} and {@code gen_ai.server.time_per_output_token}, with the
 * conventions' bucket boundaries and attributes. Calls that are not model calls (files, batches)
 * are counted by {@link GatewayMetrics} only. The meters of a set of attributes are resolved once
 * and kept.
 */
public final class GenAiMetrics implements PipelineListener {
  static final double[] TOKEN_BUCKETS = {
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864
  };
  static final double[] DURATION_BUCKETS = {
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
  };
  static final double[] TTFT_BUCKETS = {
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0
  };
  static final double[] TPOT_BUCKETS = {
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5
  };

  private final MeterRegistry registry;
  private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

  /** The attributes every GenAI meter of a call carries. */
  private record Key(String operation, String model, String errorType) {}

  /**
   * The meters of one set of attributes, found with one map lookup per call. The time to first
   * token and per output token are registered on first use, as a failed or whole answer has none to
   * show.
   */
  private final class Meters {
    final Tags tags;
    final DistributionSummary input;
    final DistributionSummary output;
    final Timer duration;
    private volatile Timer firstToken;
    private volatile Timer perOutputToken;

    Meters(Tags tags) {
      this.tags = tags;
      this.input = tokens(tags, "input");
      this.output = tokens(tags, "output");
      this.duration = timer("gen_ai.server.request.duration", DURATION_BUCKETS, tags);
    }

    Timer firstToken() {
      Timer t = firstToken;
      if (t == null) {
        // Registering is idempotent: two racing calls get the same meter.
        t = timer("gen_ai.server.time_to_first_token", TTFT_BUCKETS, tags);
        firstToken = t;
      }
      return t;
    }

    Timer perOutputToken() {
      Timer t = perOutputToken;
      if (t == null) {
        t = timer("gen_ai.server.time_per_output_token", TPOT_BUCKETS, tags);
        perOutputToken = t;
      }
      return t;
    }
  }

  public GenAiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void requestEnd(Ledger ledger) {
    record(ledger);
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    record(ledger);
  }

  private void record(Ledger ledger) {
    var operation = GenAi.operation(ledger.operationId());
    if (operation.isEmpty()) {
      return;
    }
    Key key = new Key(operation.get(), ledger.model(), GenAi.errorType(ledger.status()));
    Meters m = meters.get(key);
    if (m == null) {
      m = meters.computeIfAbsent(key, this::meters);
    }
    m.input.record(ledger.promptTokens());
    m.output.record(ledger.completionTokens());
    m.duration.record(ledger.endedNanos() - ledger.receivedNanos(), TimeUnit.NANOSECONDS);
    if (ledger.status() >= 400) {
      return;
    }
    m.firstToken().record(ledger.firstByteNanos() - ledger.receivedNanos(), TimeUnit.NANOSECONDS);
    if (ledger.streamed() && ledger.completionTokens() > 1) {
      m.perOutputToken()
          .record(
              (ledger.endedNanos() - ledger.firstByteNanos()) / (ledger.completionTokens() - 1),
              TimeUnit.NANOSECONDS);
    }
  }

  private Meters meters(Key key) {
    Tags tags =
        Tags.of(
            GenAi.OPERATION, key.operation(),
            GenAi.PROVIDER, GenAi.AZURE_OPENAI,
            GenAi.REQUEST_MODEL, key.model(),
            GenAi.ERROR_TYPE, key.errorType());
    return new Meters(tags);
  }

  private DistributionSummary tokens(Tags tags, String type) {
    return DistributionSummary.builder("gen_ai.client.token.usage")
        .description("Number of input and output tokens used.")
        .tags(tags)
        .tag(GenAi.TOKEN_TYPE, type)
        .serviceLevelObjectives(TOKEN_BUCKETS)
        .register(registry);
  }

  private Timer timer(String name, double[] bucketsSeconds, Tags tags) {
    Duration[] slos = new Duration[bucketsSeconds.length];
    for (int i = 0; i < slos.length; i++) {
      slos[i] = Duration.ofNanos(Math.round(bucketsSeconds[i] * 1e9));
    }
    return Timer.builder(name).tags(tags).serviceLevelObjectives(slos).register(registry);
  }
}
