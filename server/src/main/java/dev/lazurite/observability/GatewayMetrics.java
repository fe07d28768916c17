package dev.lazurite.observability;

import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own metrics: requests by operation, deployment and status; refusals by Azure error
 * code (quota's 429s, content filter blocks, authentication and network refusals); tokens (input,
 * cached input, output) and charge per deployment; each stage's latency; each backend attempt's
 * outcome. Meters are looked up in the registry once per set of tags and kept, so a request does
 * not build and resolve a meter id per stage (the registry never removes them); a kept meter is
 * found with a plain map lookup, which builds no capturing lambda.
 */
public final class GatewayMetrics implements PipelineListener {
  private final MeterRegistry registry;
  private final Map<String, Timer> stages = new ConcurrentHashMap<>();
  private final Map<RequestKey, Counter> requests = new ConcurrentHashMap<>();
  private final Map<UsageKey, UsageMeters> usage = new ConcurrentHashMap<>();
  private final Map<AttemptKey, Counter> attempts = new ConcurrentHashMap<>();
  private final Map<RejectionKey, Counter> rejections = new ConcurrentHashMap<>();

  private record RequestKey(String operation, String deployment, int status) {}

  private record UsageKey(String account, String deployment) {}

  private record AttemptKey(String backend, int status) {}

  private record RejectionKey(String code, int status) {}

  /** One account and deployment's token and charge counters. */
  private record UsageMeters(Counter input, Counter cachedInput, Counter output, Counter cost) {}

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void requestEnd(Ledger ledger) {
    requests(ledger).increment();
    usage(ledger);
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    requests(ledger).increment();
    usage(ledger);
    String code = cause instanceof ApiException e ? e.errorCode().name() : "INTERNAL";
    var key = new RejectionKey(code, ledger.status());
    Counter counter = rejections.get(key);
    if (counter == null) {
      counter = rejections.computeIfAbsent(key, this::rejectionCounter);
    }
    counter.increment();
  }

  private Counter rejectionCounter(RejectionKey key) {
    return Counter.builder("lazurite.rejections")
        .description(
            "Requests refused or failed, by error code: rate limits, content filter blocks, auth")
        .tag("code", key.code())
        .tag("status", Integer.toString(key.status()))
        .register(registry);
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    Timer timer = stages.get(stage);
    if (timer == null) {
      timer = stages.computeIfAbsent(stage, this::stageTimer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer stageTimer(String stage) {
    return Timer.builder("lazurite.stage.duration")
        .description("Time in a pipeline stage and the stages after it")
        .tag("stage", stage)
        .register(registry);
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    var key = new AttemptKey(backend, status);
    Counter counter = attempts.get(key);
    if (counter == null) {
      counter = attempts.computeIfAbsent(key, this::attemptCounter);
    }
    counter.increment();
  }

  private Counter attemptCounter(AttemptKey key) {
    return Counter.builder("lazurite.backend.attempts")
        .description("Backend attempts by backend and status")
        .tag("backend", key.backend())
        .tag("status", Integer.toString(key.status()))
        .register(registry);
  }

  /** Tokens and charge per account and deployment: the same figures the usage rows hold. */
  private void usage(Ledger ledger) {
    if (ledger.deployment().isEmpty()) {
      return;
    }
    var key = new UsageKey(ledger.account(), ledger.deployment());
    UsageMeters meters = usage.get(key);
    if (meters == null) {
      meters = usage.computeIfAbsent(key, this::usageMeters);
    }
    int cached = ledger.cachedPromptTokens();
    meters.input().increment(ledger.promptTokens() - cached);
    meters.cachedInput().increment(cached);
    meters.output().increment(ledger.completionTokens());
    meters.cost().increment(ledger.charge().usd().doubleValue());
  }

  private UsageMeters usageMeters(UsageKey key) {
    return new UsageMeters(
        tokens(key, "input"),
        tokens(key, "cached_input"),
        tokens(key, "output"),
        Counter.builder("lazurite.cost.usd")
            .description("What requests were charged, in USD, by account and deployment")
            .tag("account", key.account())
            .tag("deployment", key.deployment())
            .register(registry));
  }

  private Counter tokens(UsageKey key, String type) {
    return Counter.builder("lazurite.tokens")
        .description("Tokens of model calls by account, deployment and type")
        .tag("account", key.account())
        .tag("deployment", key.deployment())
        .tag("type", type)
        .register(registry);
  }

  private Counter requests(Ledger ledger) {
    var key = new RequestKey(ledger.operationId(), ledger.deployment(), ledger.status());
    Counter counter = requests.get(key);
    return counter != null ? counter : requests.computeIfAbsent(key, this::requestCounter);
  }

  private Counter requestCounter(RequestKey key) {
    return Counter.builder("lazurite.requests")
        .description("Data-plane requests by operation, deployment and status")
        .tag("operation", key.operation())
        .tag("deployment", key.deployment())
        .tag("status", Integer.toString(key.status()))
        .register(registry);
  }
}
