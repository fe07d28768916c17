package dev.lazurite.metering;

import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import java.time.Clock;
import java.util.function.Function;

/**
 * Metering as a pipeline listener: every request's ledger becomes one usage record when the request
 * ends, whatever its outcome (404 and 413 included). Streams are recorded when written or
 * abandoned, so a client that leaves mid-stream is billed for the tokens it was sent. Each record
 * carries its cost, priced when it is written, so that reports and budgets sum the same rows.
 */
public final class MeteringListener implements PipelineListener {
  private final UsageSink sink;
  private final Clock clock;
  private final Function<Ledger, UsageRecord.Cost> pricing;

  public MeteringListener(UsageSink sink, Clock clock) {
    this(sink, clock, ledger -> UsageRecord.Cost.NONE);
  }

  /**
   * @param pricing what a request cost; called on the request's thread, so it must be quick
   */
  public MeteringListener(UsageSink sink, Clock clock, Function<Ledger, UsageRecord.Cost> pricing) {
    this.sink = sink;
    this.clock = clock;
    this.pricing = pricing;
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
            pricing.apply(ledger),
            ledger.firstByteMillis()));
  }
}
