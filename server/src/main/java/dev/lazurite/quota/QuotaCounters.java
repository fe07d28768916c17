package dev.lazurite.quota;

/**
 * The counters that both enforce and report quota. Implementations are atomic where they keep state
 * (in-process, or on the Redis server: never a local copy of shared state) and thread-safe.
 */
public interface QuotaCounters extends AutoCloseable {
  /** Takes one request and {@code tokens} tokens if both fit, otherwise nothing. */
  QuotaDecision tryAcquire(String key, RateLimits limits, long tokens);

  /**
   * Corrects an admitted request's token estimate once its real usage is known: a negative {@code
   * delta} returns tokens, a positive one takes more, even past the limit.
   */
  void settle(String key, RateLimits limits, long delta);

  /** Tokens left in the current window, for reporting. */
  long remainingTokens(String key, RateLimits limits);

  @Override
  default void close() {}
}
