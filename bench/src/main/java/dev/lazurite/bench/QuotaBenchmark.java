package dev.lazurite.bench;

import dev.lazurite.quota.LocalQuotaCounters;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.RateLimits;
import dev.lazurite.quota.RedisQuotaCounters;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

/**
 * What the quota stage adds per request: admitting (one request, an estimate of tokens) and
 * settling to real usage, in-process and against a real Redis on loopback. The limit is high enough
 * that every call is admitted, as it is for a deployment below its quota.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
@State(Scope.Benchmark)
public class QuotaBenchmark {
  @Param({"local", "redis"})
  public String counters;

  static final RateLimits LIMITS = new RateLimits(1_000_000_000L, 1_000_000_000L);

  QuotaCounters quota;
  RedisServer redis;

  @Setup
  public void setUp() throws Exception {
    if (counters.equals("redis")) {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      redis = new RedisServer(port);
      redis.start();
      quota = new RedisQuotaCounters("redis://127.0.0.1:" + port);
    } else {
      quota = new LocalQuotaCounters();
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    quota.close();
    if (redis != null) {
      redis.stop();
    }
  }

  @Benchmark
  public Object admitAndSettle() {
    Object decision = quota.tryAcquire("acct/gpt-4o", LIMITS, 1_200);
    quota.settle("acct/gpt-4o", LIMITS, -900);
    return decision;
  }
}
