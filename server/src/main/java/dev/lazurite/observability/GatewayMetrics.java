package dev.lazurite.observability;

import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own metrics: requests by operation, deployment and status; refusals by Azure error
 * code (quota's 429s, content filter blocks, authentication and network refusals); each stage's
 * latency; each backend attempt's outcome.
 */
public final class GatewayMetrics implements PipelineListener {
  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void requestEnd(Ledger ledger) {
    requests(ledger).increment();
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    requests(ledger).increment();
    String code = cause instanceof ApiException e ? e.errorCode().name() : "INTERNAL";
    Counter.builder("lazurite.rejections")
        .description(
            "Requests refused or failed, by error code: rate limits, content filter blocks, auth")
        .tag("code", code)
        .tag("status", Integer.toString(ledger.status()))
        .register(registry)
        .increment();
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    Timer.builder("lazurite.stage.duration")
        .description("Time in a pipeline stage and the stages after it")
        .tag("stage", stage)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    Counter.builder("lazurite.backend.attempts")
        .description("Backend attempts by backend and status")
        .tag("backend", backend)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  private Counter requests(Ledger ledger) {
    return Counter.builder("lazurite.requests")
        .description("Data-plane requests by operation, deployment and status")
        .tag("operation", ledger.operationId())
        .tag("deployment", ledger.deployment())
        .tag("status", Integer.toString(ledger.status()))
        .register(registry);
  }
}
