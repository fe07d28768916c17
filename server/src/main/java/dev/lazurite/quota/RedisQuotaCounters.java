package dev.lazurite.quota;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quota counters shared by every instance through Redis (Lettuce). Admission is one round trip: a
 * Lua script refills both buckets by the server's clock and takes from both or neither, atomically
 * on the server, so limits stay exact however many instances share them and no instance keeps a
 * copy of the shared state. Settling is a second script, after the answer.
 *
 * <p>While Redis cannot be reached the gateway keeps serving: each instance admits by its own
 * in-process counters (the same limits, counted per instance), logs one warning per outage, and
 * goes back to the shared counters as soon as Redis answers again. Commands fail fast while the
 * connection is down (the client reconnects in the background), so no request waits on Redis.
 */
public final class RedisQuotaCounters implements QuotaCounters {
  private static final Logger LOG = LoggerFactory.getLogger(RedisQuotaCounters.class);

  /** How long one command may take before the instance counts on its own. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  private static final String ADMIT = script("admit.lua");
  private static final String SETTLE = script("settle.lua");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String admitSha;
  private final String settleSha;
  private final LocalQuotaCounters local = new LocalQuotaCounters();
  private final AtomicBoolean unreachable = new AtomicBoolean();

  /** Connects to Redis; a Redis that cannot be reached at start stops the start. */
  public RedisQuotaCounters(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(io.lettuce.core.TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .build());
    this.connection = client.connect();
    connection.setTimeout(COMMAND_TIMEOUT);
    this.redis = connection.sync();
    this.admitSha = redis.scriptLoad(ADMIT);
    this.settleSha = redis.scriptLoad(SETTLE);
  }

  @Override
  public QuotaDecision tryAcquire(String key, RateLimits limits, long tokens) {
    return shared(() -> admit(key, limits, tokens), () -> local.tryAcquire(key, limits, tokens));
  }

  private QuotaDecision admit(String key, RateLimits limits, long tokens) {
    List<Long> result =
        run(
            admitSha,
            ADMIT,
            ScriptOutputType.MULTI,
            new String[] {
              BucketKeys.of(key, limits, "requests"), BucketKeys.of(key, limits, "tokens")
            },
            Long.toString(limits.requestsPerWindow()),
            Long.toString(micros(RateLimits.REQUEST_WINDOW)),
            Long.toString(limits.tokensPerMinute()),
            Long.toString(micros(RateLimits.TOKEN_WINDOW)),
            Long.toString(Math.max(0, tokens)));
    if (result.get(0) == 1) {
      return new QuotaDecision.Allowed(result.get(1), result.get(2));
    }
    return new QuotaDecision.Throttled(
        Duration.ofNanos(result.get(3) * 1000), result.get(4) == 1, result.get(1), result.get(2));
  }

  @Override
  public void settle(String key, RateLimits limits, long delta) {
    if (delta != 0) {
      shared(
          () -> runSettle(key, limits, delta),
          () -> {
            local.settle(key, limits, delta);
            return 0L;
          });
    }
  }

  @Override
  public long remainingTokens(String key, RateLimits limits) {
    return Math.max(
        0, shared(() -> runSettle(key, limits, 0), () -> local.remainingTokens(key, limits)));
  }

  /** The shared counters' answer, or the local counters' while Redis cannot be reached. */
  private <T> T shared(Supplier<T> redisCall, Supplier<T> localCall) {
    T answer;
    try {
      answer = redisCall.get();
    } catch (RedisException e) {
      if (unreachable.compareAndSet(false, true)) {
        LOG.warn(
            "Redis cannot be reached ({}); quota is counted by this instance alone until it"
                + " answers again",
            e.getClass().getSimpleName());
      }
      return localCall.get();
    }
    if (unreachable.compareAndSet(true, false)) {
      LOG.info("Redis answers again; quota is shared by every instance again");
    }
    return answer;
  }

  private long runSettle(String key, RateLimits limits, long delta) {
    Long available =
        run(
            settleSha,
            SETTLE,
            ScriptOutputType.INTEGER,
            new String[] {BucketKeys.of(key, limits, "tokens")},
            Long.toString(limits.tokensPerMinute()),
            Long.toString(micros(RateLimits.TOKEN_WINDOW)),
            Long.toString(delta));
    return available;
  }

  /** Runs a loaded script, loading it again if the server lost it (a restart, SCRIPT FLUSH). */
  private <T> T run(
      String sha, String source, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, type, keys, args);
    }
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1000;
  }

  private static String script(String name) {
    try (InputStream in = RedisQuotaCounters.class.getResourceAsStream("/quota/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether Redis answers a PING within the command timeout. */
  public boolean reachable() {
    try {
      return "PONG".equals(redis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
