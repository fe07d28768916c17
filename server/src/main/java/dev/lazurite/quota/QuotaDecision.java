package dev.lazurite.quota;

import java.time.Duration;

/** What the counters said about a request. */
public sealed interface QuotaDecision {
  /** Admitted; what is left in each window after it. */
  record Allowed(long remainingRequests, long remainingTokens) implements QuotaDecision {}

  /**
   * Refused; {@code retryAfter} is when the request would fit.
   *
   * @param tokens true when tokens ran out, false when requests did
   */
  record Throttled(
      Duration retryAfter, boolean tokens, long remainingRequests, long remainingTokens)
      implements QuotaDecision {}
}
