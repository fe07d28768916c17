package dev.lazurite.pipeline;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paired events of every data-plane request: {@code requestStart} is followed by exactly one of
 * {@code requestEnd} or {@code requestFailed} (for a stream, when it has been written or
 * abandoned), and each {@code backendAttemptStart} by one {@code backendAttemptEnd}. Metering,
 * audit, metrics and cost are listeners. Events arrive on the request's thread; a listener must be
 * quick and thread-safe, and whatever it throws is logged and dropped ({@link #of}).
 */
public interface PipelineListener {
  PipelineListener NONE = new PipelineListener() {};

  default void requestStart(String requestId) {}

  /** The request was answered in full: a complete body, or a stream written to its end. */
  default void requestEnd(Ledger ledger) {}

  /** The request got an error, or its stream broke or was abandoned by the client. */
  default void requestFailed(Ledger ledger, Throwable cause) {}

  default void backendAttemptStart(String requestId, String backend) {}

  /** The backend answered: a complete body, or a stream's first event. */
  default void backendFirstByte(String requestId, String backend) {}

  /**
   * @param status 200 for an answer that reached its end, else the error status it failed with
   */
  default void backendAttemptEnd(String requestId, String backend, int status) {}

  /** One event of a stream, after it was handed to the client. */
  default void streamChunk(String requestId, StreamEvent event) {}

  /**
   * A stage begins with the exchange it was handed. Stages nest: each runs inside the one before
   * it, so a stage's end follows the ends of the stages after it.
   */
  default void stageStart(Exchange exchange, String stage) {}

  /**
   * @param nanos the time the stage and the stages after it took, until it answered or threw
   */
  default void stageEnd(String requestId, String stage, long nanos) {}

  /** Listeners called in order; one that throws is logged and the others still run. */
  static PipelineListener of(List<PipelineListener> listeners) {
    return new Composite(List.copyOf(listeners));
  }

  /** Calls each listener and contains what it throws. */
  record Composite(List<PipelineListener> listeners) implements PipelineListener {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineListener.class);

    private void each(java.util.function.Consumer<PipelineListener> event) {
      for (PipelineListener listener : listeners) {
        try {
          event.accept(listener);
        } catch (RuntimeException e) {
          LOG.error("pipeline listener {} failed", listener.getClass().getSimpleName(), e);
        }
      }
    }

    @Override
    public void requestStart(String requestId) {
      each(l -> l.requestStart(requestId));
    }

    @Override
    public void requestEnd(Ledger ledger) {
      each(l -> l.requestEnd(ledger));
    }

    @Override
    public void requestFailed(Ledger ledger, Throwable cause) {
      each(l -> l.requestFailed(ledger, cause));
    }

    @Override
    public void backendAttemptStart(String requestId, String backend) {
      each(l -> l.backendAttemptStart(requestId, backend));
    }

    @Override
    public void backendFirstByte(String requestId, String backend) {
      each(l -> l.backendFirstByte(requestId, backend));
    }

    @Override
    public void backendAttemptEnd(String requestId, String backend, int status) {
      each(l -> l.backendAttemptEnd(requestId, backend, status));
    }

    @Override
    public void streamChunk(String requestId, StreamEvent event) {
      each(l -> l.streamChunk(requestId, event));
    }

    @Override
    public void stageStart(Exchange exchange, String stage) {
      each(l -> l.stageStart(exchange, stage));
    }

    @Override
    public void stageEnd(String requestId, String stage, long nanos) {
      each(l -> l.stageEnd(requestId, stage, nanos));
    }
  }
}
