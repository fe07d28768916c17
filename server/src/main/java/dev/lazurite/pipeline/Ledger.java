package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.auth.Principal;

/**
 * The account of one request, as the pipeline closes it: who called which deployment for which
 * operation, the token counts the model call produced (the same ones quota settled), the status the
 * client got and how long it took. Metering, audit, metrics and cost read this and nothing else.
 * Fields the request never reached (a 404 before any account was found) are empty strings.
 *
 * @param operationId the operation in Azure's naming, as diagnostic logs' {@code operationName} has
 *     it (e.g. {@code ChatCompletions_Create})
 * @param resourceId the ARM id of the account the request reached, empty when none
 * @param status the HTTP status sent, or {@link #CLIENT_CLOSED} when the client left mid-stream
 * @param firstByteNanos when the first event of a stream was handed to the client; for a whole
 *     body, or a stream that sent nothing, {@code endedNanos}
 */
public record Ledger(
    String requestId,
    String operationId,
    String account,
    String deployment,
    String model,
    String principal,
    int promptTokens,
    int completionTokens,
    int status,
    boolean streamed,
    long receivedNanos,
    long endedNanos,
    String resourceId,
    Caller caller,
    NetworkPath network,
    FilterOutcome filter,
    long firstByteNanos) {
  /** The status recorded for a stream the client abandoned (nginx's convention). */
  public static final int CLIENT_CLOSED = 499;

  public Ledger {
    requireNonNull(requestId, "requestId is null");
    requireNonNull(operationId, "operationId is null");
    requireNonNull(account, "account is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(caller, "caller is null");
    requireNonNull(network, "network is null");
    requireNonNull(filter, "filter is null");
  }

  /**
   * A ledger without the caller's detail, network path or filter outcome, whose first byte was its
   * last.
   */
  public Ledger(
      String requestId,
      String operationId,
      String account,
      String deployment,
      String model,
      String principal,
      int promptTokens,
      int completionTokens,
      int status,
      boolean streamed,
      long receivedNanos,
      long endedNanos) {
    this(
        requestId,
        operationId,
        account,
        deployment,
        model,
        principal,
        promptTokens,
        completionTokens,
        status,
        streamed,
        receivedNanos,
        endedNanos,
        "",
        Caller.NONE,
        NetworkPath.UNKNOWN,
        FilterOutcome.NONE,
        endedNanos);
  }

  /** A request that went through the pipeline; {@code last} is the deepest exchange it reached. */
  static Ledger of(
      Exchange last,
      int promptTokens,
      int completionTokens,
      int status,
      boolean streamed,
      long endedNanos) {
    return of(last, promptTokens, completionTokens, status, streamed, endedNanos, endedNanos);
  }

  /** A streamed request whose first event reached the client at {@code firstByteNanos}. */
  static Ledger of(
      Exchange last,
      int promptTokens,
      int completionTokens,
      int status,
      boolean streamed,
      long endedNanos,
      long firstByteNanos) {
    var request = last.request();
    return new Ledger(
        request.requestId(),
        last.route().operation().operationId(),
        last.accountIfKnown().map(a -> a.account().name()).orElse(""),
        last.deploymentIfKnown().map(d -> d.deployment().name()).orElse(""),
        last.deploymentIfKnown().map(d -> d.model().name()).orElse(""),
        last.principalIfKnown().map(Principal::id).orElse(""),
        promptTokens,
        completionTokens,
        status,
        streamed,
        request.receivedNanos(),
        endedNanos,
        last.accountIfKnown().map(a -> a.account().armId()).orElse(""),
        last.principalIfKnown().map(Caller::of).orElse(Caller.NONE),
        NetworkPath.of(request.origin()),
        FilterOutcome.NONE,
        firstByteNanos);
  }

  /** The same account, with what the content filter did. */
  Ledger withFilter(FilterOutcome outcome) {
    return new Ledger(
        requestId,
        operationId,
        account,
        deployment,
        model,
        principal,
        promptTokens,
        completionTokens,
        status,
        streamed,
        receivedNanos,
        endedNanos,
        resourceId,
        caller,
        network,
        outcome,
        firstByteNanos);
  }

  /** The operation's name as Azure's diagnostic logs spell it; empty for an unrouted request. */
  public String operationName() {
    return operationId;
  }

  /** The client's address; empty for a call this server made. */
  public String sourceAddress() {
    return network.source();
  }

  /** A request refused before it had a route (an unknown path). */
  static Ledger unrouted(String requestId, int status, long receivedNanos, long endedNanos) {
    return new Ledger(
        requestId, "", "", "", "", "", 0, 0, status, false, receivedNanos, endedNanos);
  }

  public double latencyMillis() {
    return (endedNanos - receivedNanos) / 1_000_000.0;
  }

  /** From the request's arrival to its answer's first byte. */
  public double firstByteMillis() {
    return (firstByteNanos - receivedNanos) / 1_000_000.0;
  }
}
