package dev.lazurite.observability;

import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's own metrics: requests by operation, deployment and status; refusals by Azure error
 * code (quota's 429s, content filter blocks, authentication and network refusals); tokens (input,
 * cached input, output) and charge per deployment; each stage's latency; each backend attempt's
 * outcome.
 */
public final class GatewayMetrics implements PipelineListener {
  private final MeterRegistry registry;
  // Meters by their tag values, so a request looks each up in one hash map instead of building and
  // registering its id again (the registry's own lookup sorts and hashes the tags every time).
  private final Map<String, Timer> stages = new ConcurrentHashMap<>();
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

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
    String status = Integer.toString(ledger.status());
    counter(
            List.of("rejections", code, status),
            () ->
                Counter.builder("lazurite.rejections")
                    .description(
                        "Requests refused or failed, by error code: rate limits, content filter"
                            + " blocks, auth")
                    .tag("code", code)
                    .tag("status", status)
                    .register(registry))
        .increment();
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    stages
        .computeIfAbsent(
            stage,
            s ->
                Timer.builder("lazurite.stage.duration")
                    .description("Time in a pipeline stage and the stages after it")
                    .tag("stage", s)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    String code = Integer.toString(status);
    counter(
            List.of("attempts", backend, code),
            () ->
                Counter.builder("lazurite.backend.attempts")
                    .description("Backend attempts by backend and status")
                    .tag("backend", backend)
                    .tag("status", code)
                    .register(registry))
        .increment();
  }

  /** Tokens and charge per account and deployment: the same figures the usage rows hold. */
  private void usage(Ledger ledger) {
    if (ledger.deployment().isEmpty()) {
      return;
    }
    int cached = ledger.cachedPromptTokens();
    tokens(ledger, "input").increment(ledger.promptTokens() - cached);
    tokens(ledger, "cached_input").increment(cached);
    tokens(ledger, "output").increment(ledger.completionTokens());
    counter(
            List.of("cost", ledger.account(), ledger.deployment()),
            () ->
                Counter.builder("lazurite.cost.usd")
                    .description("What requests were charged, in USD, by account and deployment")
                    .tag("account", ledger.account())
                    .tag("deployment", ledger.deployment())
                    .register(registry))
        .increment(ledger.charge().usd().doubleValue());
  }

  private Counter tokens(Ledger ledger, String type) {
    return counter(
        List.of("tokens", ledger.account(), ledger.deployment(), type),
        () ->
            Counter.builder("lazurite.tokens")
                .description("Tokens of model calls by account, deployment and type")
                .tag("account", ledger.account())
                .tag("deployment", ledger.deployment())
                .tag("type", type)
                .register(registry));
  }

  private Counter requests(Ledger ledger) {
    String status = Integer.toString(ledger.status());
    return counter(
        List.of("requests", ledger.operationId(), ledger.deployment(), status),
        () ->
            Counter.builder("lazurite.requests")
                .description("Data-plane requests by operation, deployment and status")
                .tag("operation", ledger.operationId())
                .tag("deployment", ledger.deployment())
                .tag("status", status)
                .register(registry));
  }

  /** The counter of these tag values (the meter's name first), registered on first use. */
  private Counter counter(List<String> key, Supplier<Counter> register) {
    Counter found = counters.get(key);
    return found != null ? found : counters.computeIfAbsent(key, k -> register.get());
  }
}
