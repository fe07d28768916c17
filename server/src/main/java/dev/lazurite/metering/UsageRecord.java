package dev.lazurite.metering;

import static java.util.Objects.requireNonNull;

import dev.lazurite.pipeline.Ledger;
import java.time.Instant;

/**
 * One data-plane request as metering saw it. It names the caller by key slot or principal id, never
 * by secret.
 *
 * @param status the HTTP status; 499 when the client went away mid-stream
 * @param firstByteMillis from arrival to the first byte of the answer (a stream's first event)
 */
public record UsageRecord(
    Instant time,
    String requestId,
    String account,
    String deployment,
    String model,
    String operation,
    String caller,
    int promptTokens,
    int completionTokens,
    int status,
    double latencyMillis,
    boolean streamed,
    double firstByteMillis) {
  public static final int CLIENT_CLOSED = Ledger.CLIENT_CLOSED;

  public UsageRecord {
    requireNonNull(time, "time is null");
    requireNonNull(requestId, "requestId is null");
    requireNonNull(account, "account is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(caller, "caller is null");
  }

  /** A record whose first byte was its last: a whole body. */
  public UsageRecord(
      Instant time,
      String requestId,
      String account,
      String deployment,
      String model,
      String operation,
      String caller,
      int promptTokens,
      int completionTokens,
      int status,
      double latencyMillis,
      boolean streamed) {
    this(
        time,
        requestId,
        account,
        deployment,
        model,
        operation,
        caller,
        promptTokens,
        completionTokens,
        status,
        latencyMillis,
        streamed,
        latencyMillis);
  }
}
