package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;
import java.util.EnumMap;
import java.util.Map;

/** The pipeline of each operation, and the one listener they all report to. */
public final class Pipelines {
  private final Map<Operation, Pipeline> byOperation;
  private final PipelineListener listener;

  public Pipelines(Map<Operation, Pipeline> byOperation, PipelineListener listener) {
    this.byOperation = new EnumMap<>(byOperation);
    this.listener = requireNonNull(listener, "listener is null");
    for (Operation operation : Operation.values()) {
      if (!this.byOperation.containsKey(operation)) {
        throw new IllegalArgumentException("no pipeline for " + operation);
      }
    }
  }

  public Pipeline of(Operation operation) {
    return byOperation.get(operation);
  }

  public Outcome execute(Exchange exchange) {
    return of(exchange.route().operation()).execute(exchange);
  }

  /** Records a request refused before it had a route (an unknown path or method). */
  public void rejectUnrouted(String requestId, long receivedNanos, ApiException error) {
    listener.requestStart(requestId);
    listener.requestFailed(
        Ledger.unrouted(requestId, error.errorCode().status(), receivedNanos, System.nanoTime()),
        error);
  }
}
