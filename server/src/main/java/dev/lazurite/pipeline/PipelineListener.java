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

  /**
   * Whether this listener does anything with stage events: the pipeline times its stages only for
   * listeners that do. By default, whether its class overrides {@code stageStart} or {@code
   * stageEnd}; a listener that forwards to others answers for them.
   */
  default boolean observesStages() {
    try {
      Class<?> type = getClass();
      return type.getMethod("stageStart", Exchange.class, String.class).getDeclaringClass()
              != PipelineListener.class
          || type.getMethod("stageEnd", String.class, String.class, long.class).getDeclaringClass()
              != PipelineListener.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("PipelineListener lost a stage event", e);
    }
  }

  /** Listeners called in order; one that throws is logged and the others still run. */
  static PipelineListener of(List<PipelineListener> listeners) {
    return new Composite(List.copyOf(listeners));
  }

  /**
   * Calls each listener and contains what it throws. Each event is a plain loop over an array: it
   * runs a dozen times per request, so it makes no lambda or iterator.
   */
  final class Composite implements PipelineListener {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineListener.class);

    private final PipelineListener[] listeners;

    /** The listeners that observe stages: stage events, a dozen a request, go to these only. */
    private final PipelineListener[] staged;

    Composite(List<PipelineListener> listeners) {
      this.listeners = listeners.toArray(PipelineListener[]::new);
      this.staged =
          listeners.stream()
              .filter(PipelineListener::observesStages)
              .toArray(PipelineListener[]::new);
    }

    @Override
    public boolean observesStages() {
      return staged.length > 0;
    }

    private PipelineListener[] all() {
      return listeners;
    }

    private static void failed(PipelineListener listener, RuntimeException e) {
      LOG.error("pipeline listener {} failed", listener.getClass().getSimpleName(), e);
    }

    @Override
    public void requestStart(String requestId) {
      for (PipelineListener l : all()) {
        try {
          l.requestStart(requestId);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void requestEnd(Ledger ledger) {
      for (PipelineListener l : all()) {
        try {
          l.requestEnd(ledger);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void requestFailed(Ledger ledger, Throwable cause) {
      for (PipelineListener l : all()) {
        try {
          l.requestFailed(ledger, cause);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void backendAttemptStart(String requestId, String backend) {
      for (PipelineListener l : all()) {
        try {
          l.backendAttemptStart(requestId, backend);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void backendFirstByte(String requestId, String backend) {
      for (PipelineListener l : all()) {
        try {
          l.backendFirstByte(requestId, backend);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void backendAttemptEnd(String requestId, String backend, int status) {
      for (PipelineListener l : all()) {
        try {
          l.backendAttemptEnd(requestId, backend, status);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void streamChunk(String requestId, StreamEvent event) {
      for (PipelineListener l : all()) {
        try {
          l.streamChunk(requestId, event);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void stageStart(Exchange exchange, String stage) {
      for (PipelineListener l : staged) {
        try {
          l.stageStart(exchange, stage);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }

    @Override
    public void stageEnd(String requestId, String stage, long nanos) {
      for (PipelineListener l : staged) {
        try {
          l.stageEnd(requestId, stage, nanos);
        } catch (RuntimeException e) {
          failed(l, e);
        }
      }
    }
  }
}
