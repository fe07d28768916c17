package dev.lazurite.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Three instances share one limit through a real Redis. 200 clients spread over them for 20 seconds
 * must get no more tokens admitted than the limit allows (capacity plus refill over the run, with 1
 * % tolerance), and no instance may refuse while tokens remain.
 */
class DistributedQuotaTest {
  static final int CAPACITY = 100;
  static final int MAX_TOKENS = 1500;
  static final Duration RUN = Duration.ofSeconds(20);

  @Test
  void threeInstancesEnforceOneExactLimit() throws Exception {
    assertOneExactLimit(c -> c, Map.of());
  }

  /**
   * Three instances, each configured by {@code store} (each its own SQLite file, or one shared
   * database), share one limit through a real Redis.
   */
  static void assertOneExactLimit(
      java.util.function.UnaryOperator<dev.lazurite.config.ServerConfig> store,
      Map<String, String> extraEnvironment)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    RedisServer redis = new RedisServer(port);
    redis.start();
    List<TestingServer> servers = new ArrayList<>();
    try {
      var environment = new java.util.HashMap<>(extraEnvironment);
      environment.put("LAZURITE_REDIS_URL", "redis://127.0.0.1:" + port);
      for (int i = 0; i < 3; i++) {
        // Every answer is exactly max_tokens long, so the estimate is the real usage.
        TestingServer server =
            TestingServer.start(
                c ->
                    store
                        .apply(c)
                        .withSimulator(
                            new SimulatorConfig(
                                Duration.ZERO, Duration.ZERO, MAX_TOKENS, MAX_TOKENS)),
                environment::get);
        server.deploy(
            new DeploymentRequest(
                "shared", "gpt-4o", "", "GlobalStandard", CAPACITY, "", "", Optional.empty()));
        servers.add(server);
      }
      String body =
          "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":"
              + MAX_TOKENS
              + "}";
      String path = "/openai/deployments/shared/chat/completions?api-version=2024-10-21";
      AtomicLong admittedTokens = new AtomicLong();
      AtomicLong admitted = new AtomicLong();
      AtomicLong throttled = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong refusedWithRoom = new AtomicLong();
      long start = System.nanoTime();
      long deadline = start + RUN.toNanos();
      try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < 200; c++) {
          var http = servers.get(c % 3).http();
          clients.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  var result = http.post(path, body);
                  if (result.status() == 200) {
                    admitted.incrementAndGet();
                    admittedTokens.addAndGet(result.json().at("/usage/total_tokens").asLong());
                  } else if (result.status() == 429) {
                    throttled.incrementAndGet();
                    // Read atomically with the decision: a refusal must find too few tokens or
                    // too few requests left in the shared counter.
                    long tokensLeft = Long.parseLong(result.header("x-ratelimit-remaining-tokens"));
                    long requestsLeft =
                        Long.parseLong(result.header("x-ratelimit-remaining-requests"));
                    if (tokensLeft >= MAX_TOKENS + 8 && requestsLeft > 0) {
                      refusedWithRoom.incrementAndGet();
                    }
                    long wait = Math.min(250, Long.parseLong(result.header("retry-after-ms")));
                    Thread.sleep(wait);
                  } else {
                    failed.incrementAndGet();
                  }
                }
                return null;
              });
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double limit = CAPACITY * 1000.0 * (1 + seconds / 60);
      double over = (admittedTokens.get() - limit) / limit * 100;
      System.out.printf(
          "distributed quota: %.1f s, limit %.0f tokens, admitted %d tokens in %d requests (%d throttled, %d failed): %+.2f %% of the limit%n",
          seconds,
          limit,
          admittedTokens.get(),
          admitted.get(),
          throttled.get(),
          failed.get(),
          over);
      assertThat(failed.get()).isZero();
      assertThat(throttled.get()).as("the limit was reached").isPositive();
      assertThat((double) admittedTokens.get())
          .as("over-admission")
          .isLessThanOrEqualTo(limit * 1.01);
      assertThat(refusedWithRoom.get()).as("refusals while the shared counter had room").isZero();
      assertThat((double) admittedTokens.get())
          .as("under-admission")
          .isGreaterThanOrEqualTo(limit * 0.9);
    } finally {
      servers.forEach(TestingServer::close);
      redis.stop();
    }
  }
}
