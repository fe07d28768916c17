package dev.lazurite.metering;

import static java.util.Objects.requireNonNull;

import dev.lazurite.pipeline.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One data-plane request as metering saw it. It names the caller by key slot or principal id, never
 * by secret.
 *
 * @param status the HTTP status; 499 when the client went away mid-stream
 * @param cost what the request cost and whom it is charged to
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
    Cost cost,
    double firstByteMillis) {
  public static final int CLIENT_CLOSED = Ledger.CLIENT_CLOSED;

  /** A record with no price attached whose first byte was its last (a whole body). */
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
        Cost.NONE,
        latencyMillis);
  }

  /**
   * The charge of one request, fixed when it is recorded: the cost report and the budgets sum
   * these.
   *
   * @param resourceGroup the resource group of the account at the time of the request
   * @param pricing the price row it was priced from ({@code model/version/type}, {@code +batch} at
   *     half price), empty when no price applied
   * @param tags the account's tags, overridden by the deployment's
   * @param cachedPromptTokens the prompt tokens served from the prompt cache (part of {@code
   *     promptTokens})
   * @param picoUsd the cost in 10⁻¹² USD
   * @param groups the caller's Entra groups, sorted and distinct; empty for key and internal
   *     callers
   */
  public record Cost(
      String resourceGroup,
      String pricing,
      Map<String, String> tags,
      int cachedPromptTokens,
      long picoUsd,
      List<String> groups) {
    public static final Cost NONE = new Cost("", "", Map.of(), 0, 0, List.of());

    public Cost {
      requireNonNull(resourceGroup, "resourceGroup is null");
      requireNonNull(pricing, "pricing is null");
      tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
      groups = groups.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(groups));
    }

    /** A charge to a caller without groups. */
    public Cost(
        String resourceGroup,
        String pricing,
        Map<String, String> tags,
        int cachedPromptTokens,
        long picoUsd) {
      this(resourceGroup, pricing, tags, cachedPromptTokens, picoUsd, List.of());
    }
  }

  public UsageRecord {
    requireNonNull(time, "time is null");
    requireNonNull(requestId, "requestId is null");
    requireNonNull(account, "account is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(caller, "caller is null");
    requireNonNull(cost, "cost is null");
  }
}
