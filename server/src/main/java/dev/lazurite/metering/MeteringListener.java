package dev.lazurite.metering;

import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import java.time.Clock;

/**
 * Metering as a pipeline listener: every request's ledger becomes one usage record when the request
 * ends, whatever its outcome (404 and 413 included). Streams are recorded when written or
 * abandoned, so a client that leaves mid-stream is billed for the tokens it was sent. Each record
 * carries the ledger's charge (priced once, before any listener sees it), so that reports and
 * budgets sum the same figures the audit log and the metrics show.
 */
public final class MeteringListener implements PipelineListener {
  private final UsageSink sink;
  private final Clock clock;

  public MeteringListener(UsageSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
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
    sink.record(
        new UsageRecord(
            clock.instant(),
            ledger.requestId(),
            ledger.account(),
            ledger.deployment(),
            ledger.model(),
            ledger.operationId(),
            ledger.principal(),
            ledger.promptTokens(),
            ledger.completionTokens(),
            ledger.status(),
            ledger.latencyMillis(),
            ledger.streamed(),
            cost(ledger),
            ledger.firstByteMillis()));
  }

  private static UsageRecord.Cost cost(Ledger ledger) {
    var charge = ledger.charge();
    return new UsageRecord.Cost(
        charge.resourceGroup(),
        charge.pricing(),
        charge.tags(),
        ledger.cachedPromptTokens(),
        charge.picoUsd(),
        ledger.caller().groups());
  }
}
