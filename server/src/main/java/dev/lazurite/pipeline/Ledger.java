package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.auth.Principal;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;

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
 * @param cachedPromptTokens the part of {@code promptTokens} the backend served from its prompt
 *     cache (Azure's {@code prompt_tokens_details.cached_tokens})
 * @param charge what the request cost, {@link Charge#NONE} until it is priced
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
    long firstByteNanos,
    int cachedPromptTokens,
    Charge charge) {
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
    if (cachedPromptTokens < 0 || cachedPromptTokens > Math.max(0, promptTokens)) {
      throw new IllegalArgumentException(
          "cachedPromptTokens must be in [0, promptTokens]: " + cachedPromptTokens);
    }
    requireNonNull(charge, "charge is null");
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
        endedNanos,
        0,
        Charge.NONE);
  }

  /** A request that went through the pipeline; {@code last} is the deepest exchange it reached. */
  static Ledger of(
      Exchange last,
      int promptTokens,
      int completionTokens,
      int status,
      boolean streamed,
      long endedNanos) {
    return of(last, promptTokens, 0, completionTokens, status, streamed, endedNanos, endedNanos);
  }

  /**
   * A request whose first byte reached the client at {@code firstByteNanos}; {@code
   * cachedPromptTokens} are part of {@code promptTokens}.
   */
  static Ledger of(
      Exchange last,
      int promptTokens,
      int cachedPromptTokens,
      int completionTokens,
      int status,
      boolean streamed,
      long endedNanos,
      long firstByteNanos) {
    var request = last.request();
    // Read without Optionals: a ledger closes every request.
    AccountRuntime account = last.accountOrNull();
    DeploymentRuntime deployment = last.deploymentOrNull();
    Principal principal = last.principalOrNull();
    return new Ledger(
        request.requestId(),
        last.route().operation().operationId(),
        account == null ? "" : account.account().name(),
        deployment == null ? "" : deployment.deployment().name(),
        deployment == null ? "" : deployment.model().name(),
        principal == null ? "" : principal.id(),
        promptTokens,
        completionTokens,
        status,
        streamed,
        request.receivedNanos(),
        endedNanos,
        account == null ? "" : account.account().armId(),
        principal == null ? Caller.NONE : Caller.of(principal),
        NetworkPath.of(request.origin()),
        FilterOutcome.NONE,
        firstByteNanos,
        Math.min(cachedPromptTokens, Math.max(0, promptTokens)),
        Charge.NONE);
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
        firstByteNanos,
        cachedPromptTokens,
        charge);
  }

  /** The same account, priced. */
  public Ledger withCharge(Charge priced) {
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
        filter,
        firstByteNanos,
        cachedPromptTokens,
        priced);
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
