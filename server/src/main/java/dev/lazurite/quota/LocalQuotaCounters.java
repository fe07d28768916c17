package dev.lazurite.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quota arithmetic over two Bucket4j buckets per deployment, whichever store holds them: one of
 * tokens (refilled per minute) and one of requests (refilled per 10 seconds). Both are taken or
 * neither: a request refused on tokens gives its request back.
 */
public final class LocalQuotaCounters implements QuotaCounters {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
  }

  static BucketConfiguration tokens(RateLimits limits) {
    return BucketConfiguration.builder()
        .addLimit(
            l ->
                l.capacity(limits.tokensPerMinute())
                    .refillGreedy(limits.tokensPerMinute(), RateLimits.TOKEN_WINDOW))
        .build();
  }

  static BucketConfiguration requests(RateLimits limits) {
    return BucketConfiguration.builder()
        .addLimit(
            l ->
                l.capacity(limits.requestsPerWindow())
                    .refillGreedy(limits.requestsPerWindow(), RateLimits.REQUEST_WINDOW))
        .build();
  }

  @Override
  public QuotaDecision tryAcquire(String key, RateLimits limits, long tokens) {
    Bucket requests = bucket(BucketKeys.of(key, limits, "requests"), requests(limits));
    Bucket tokenBucket = bucket(BucketKeys.of(key, limits, "tokens"), tokens(limits));
    ConsumptionProbe request = requests.tryConsumeAndReturnRemaining(1);
    if (!request.isConsumed()) {
      return new QuotaDecision.Throttled(
          Duration.ofNanos(request.getNanosToWaitForRefill()),
          false,
          0,
          tokenBucket.getAvailableTokens());
    }
    long wanted = Math.max(0, tokens);
    if (wanted > limits.tokensPerMinute()) {
      requests.addTokens(1);
      return new QuotaDecision.Throttled(
          RateLimits.TOKEN_WINDOW,
          true,
          request.getRemainingTokens() + 1,
          tokenBucket.getAvailableTokens());
    }
    if (wanted == 0) {
      // Bucket4j refuses to consume nothing; a request that costs no tokens only takes a call.
      return new QuotaDecision.Allowed(
          request.getRemainingTokens(), tokenBucket.getAvailableTokens());
    }
    ConsumptionProbe taken = tokenBucket.tryConsumeAndReturnRemaining(wanted);
    if (!taken.isConsumed()) {
      requests.addTokens(1);
      return new QuotaDecision.Throttled(
          Duration.ofNanos(taken.getNanosToWaitForRefill()),
          true,
          request.getRemainingTokens() + 1,
          taken.getRemainingTokens());
    }
    return new QuotaDecision.Allowed(request.getRemainingTokens(), taken.getRemainingTokens());
  }

  @Override
  public void settle(String key, RateLimits limits, long delta) {
    if (delta == 0) {
      return;
    }
    Bucket tokenBucket = bucket(BucketKeys.of(key, limits, "tokens"), tokens(limits));
    if (delta < 0) {
      tokenBucket.addTokens(-delta);
    } else {
      tokenBucket.consumeIgnoringRateLimits(delta);
    }
  }

  @Override
  public long remainingTokens(String key, RateLimits limits) {
    return Math.max(
        0, bucket(BucketKeys.of(key, limits, "tokens"), tokens(limits)).getAvailableTokens());
  }
}
