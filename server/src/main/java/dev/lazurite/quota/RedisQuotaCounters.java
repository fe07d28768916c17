package dev.lazurite.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Quota counters shared by every instance through Redis (Lettuce). Each take is an atomic
 * compare-and-swap on the server, so limits stay exact however many instances share them; no
 * instance keeps a local copy of the shared state.
 */
public final class RedisQuotaCounters extends BucketQuota {
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final ProxyManager<String> buckets;

  public RedisQuotaCounters(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    this.buckets =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(2)))
            .build();
  }

  @Override
  Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.builder().build(key, () -> configuration);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
