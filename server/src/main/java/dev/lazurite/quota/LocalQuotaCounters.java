package dev.lazurite.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Quota counters in this process: exact for one instance. */
public final class LocalQuotaCounters extends BucketQuota {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
  }
}
