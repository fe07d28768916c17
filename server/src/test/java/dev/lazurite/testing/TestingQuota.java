package dev.lazurite.testing;

import dev.lazurite.quota.LocalQuotaCounters;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.QuotaDecision;
import dev.lazurite.quota.RateLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-process quota counters that also remember what each key was charged in the end. */
public final class TestingQuota implements QuotaCounters {
  private final LocalQuotaCounters counters = new LocalQuotaCounters();
  private final Map<String, Long> charged = new ConcurrentHashMap<>();

  @Override
  public QuotaDecision tryAcquire(String key, RateLimits limits, long tokens) {
    QuotaDecision decision = counters.tryAcquire(key, limits, tokens);
    if (decision instanceof QuotaDecision.Allowed) {
      charged.merge(key, tokens, Long::sum);
    }
    return decision;
  }

  @Override
  public void settle(String key, RateLimits limits, long delta) {
    charged.merge(key, delta, Long::sum);
    counters.settle(key, limits, delta);
  }

  @Override
  public long remainingTokens(String key, RateLimits limits) {
    return counters.remainingTokens(key, limits);
  }

  /** The tokens admitted for {@code key} net of settlements: what the quota finally counted. */
  public long charged(String key) {
    return charged.getOrDefault(key, 0L);
  }
}
