package dev.lazurite.cost;

import dev.lazurite.pipeline.Charge;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.StreamEvent;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices each closed ledger once and hands the priced ledger to the listeners after it (metering,
 * audit, metrics), so that the usage rows budgets and reports sum, the audit log and the metrics
 * carry one charge. A pricing failure leaves the ledger unpriced rather than losing the event.
 */
final class PricedListener implements PipelineListener {
  private static final Logger LOG = LoggerFactory.getLogger(PricedListener.class);

  private final Function<Ledger, Charge> pricer;
  private final PipelineListener next;

  PricedListener(Function<Ledger, Charge> pricer, PipelineListener next) {
    this.pricer = pricer;
    this.next = next;
  }

  private Ledger priced(Ledger ledger) {
    try {
      return ledger.withCharge(pricer.apply(ledger));
    } catch (RuntimeException e) {
      LOG.warn("request {} could not be priced: {}", ledger.requestId(), e.toString());
      return ledger;
    }
  }

  @Override
  public void requestStart(String requestId) {
    next.requestStart(requestId);
  }

  @Override
  public void requestEnd(Ledger ledger) {
    next.requestEnd(priced(ledger));
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    next.requestFailed(priced(ledger), cause);
  }

  @Override
  public void backendAttemptStart(String requestId, String backend) {
    next.backendAttemptStart(requestId, backend);
  }

  @Override
  public void backendFirstByte(String requestId, String backend) {
    next.backendFirstByte(requestId, backend);
  }

  @Override
  public void backendAttemptEnd(String requestId, String backend, int status) {
    next.backendAttemptEnd(requestId, backend, status);
  }

  @Override
  public void streamChunk(String requestId, StreamEvent event) {
    next.streamChunk(requestId, event);
  }

  @Override
  public void stageStart(Exchange exchange, String stage) {
    next.stageStart(exchange, stage);
  }

  @Override
  public void stageEnd(String requestId, String stage, long nanos) {
    next.stageEnd(requestId, stage, nanos);
  }

  @Override
  public boolean observesStages() {
    return next.observesStages();
  }
}
