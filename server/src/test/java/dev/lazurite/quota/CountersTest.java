package dev.lazurite.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.embedded.RedisServer;

/** The in-process and Redis counters make the same decisions on the same sequence. */
class CountersTest {
  static RedisServer redis;
  static int port;

  @BeforeAll
  static void startRedis() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    redis = new RedisServer(port);
    redis.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.stop();
  }

  static Stream<String> implementations() {
    return Stream.of("local", "redis");
  }

  static QuotaCounters counters(String kind) {
    return kind.equals("local")
        ? new LocalQuotaCounters()
        : new RedisQuotaCounters("redis://127.0.0.1:" + port);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void admitsBothOrNeitherAndSettles(String kind) {
    RateLimits limits = new RateLimits(1_000, 2);
    String key = "acct/" + kind + "-" + System.nanoTime();
    try (QuotaCounters counters = counters(kind)) {
      assertThat(counters.tryAcquire(key, limits, 500)).isInstanceOf(QuotaDecision.Allowed.class);
      var tooMany = counters.tryAcquire(key, limits, 600);
      assertThat(tooMany).isInstanceOf(QuotaDecision.Throttled.class);
      var throttled = (QuotaDecision.Throttled) tooMany;
      assertThat(throttled.tokens()).isTrue();
      // 100 tokens short at 1,000 a minute: about 6 seconds.
      assertThat(throttled.retryAfter())
          .isBetween(Duration.ofMillis(5_000), Duration.ofMillis(6_100));
      var second = counters.tryAcquire(key, limits, 400);
      assertThat(second)
          .as("the refused request took nothing")
          .isInstanceOf(QuotaDecision.Allowed.class);
      assertThat(((QuotaDecision.Allowed) second).remainingRequests()).isZero();
      var third = counters.tryAcquire(key, limits, 1);
      assertThat(third).isInstanceOf(QuotaDecision.Throttled.class);
      assertThat(((QuotaDecision.Throttled) third).tokens()).as("refused on requests").isFalse();
      long before = counters.remainingTokens(key, limits);
      counters.settle(key, limits, -350);
      assertThat(counters.remainingTokens(key, limits)).isBetween(before + 350, before + 360);
      counters.settle(key, limits, 2_000);
      assertThat(counters.remainingTokens(key, limits))
          .as("overdraft after a long answer")
          .isZero();
      assertThat(counters.tryAcquire(key, limits, 2_000))
          .as("larger than a minute")
          .isInstanceOf(QuotaDecision.Throttled.class);
    }
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void admitsARequestThatCostsNoTokensOnItsCallAlone(String kind) {
    RateLimits limits = new RateLimits(1_000, 2);
    String key = "acct/zero-" + kind + "-" + System.nanoTime();
    try (QuotaCounters counters = counters(kind)) {
      var decision = counters.tryAcquire(key, limits, 0);
      assertThat(decision).isInstanceOf(QuotaDecision.Allowed.class);
      assertThat(((QuotaDecision.Allowed) decision).remainingTokens()).isEqualTo(1_000);
      assertThat(((QuotaDecision.Allowed) decision).remainingRequests()).isEqualTo(1);
    }
  }
}
