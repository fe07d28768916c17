package dev.lazurite.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.TestingServer;
import io.lettuce.core.RedisClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Redis stops while a server uses it for quota: requests keep being served, admitted by the
 * instance's own counters with the deployment's limits, and once Redis is back the shared counters
 * count again.
 */
class RedisOutageTest {
  static final String PATH = "/openai/deployments/shared/chat/completions?api-version=2024-10-21";
  static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":5}";

  @Test
  void servesFromLocalCountersWhileRedisIsDownAndSharesAgainWhenItReturns() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + port;
    RedisServer redis = new RedisServer(port);
    redis.start();
    try (TestingServer server =
        TestingServer.start(
            c -> c.withSimulator(new SimulatorConfig(Duration.ZERO, Duration.ZERO, 5, 5)),
            Map.of("LAZURITE_REDIS_URL", url)::get)) {
      // Three requests per 10 seconds.
      server.deploy(
          new DeploymentRequest(
              "shared", "gpt-4o", "", "GlobalStandard", 3, "", "", Optional.empty()));
      assertThat(server.http().post(PATH, BODY).status()).isEqualTo(200);

      redis.stop();
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        var served = server.http().post(PATH, BODY);
        assertThat(served.status())
            .as("request %d with Redis down: %s", i, served.body())
            .isEqualTo(200);
      }
      var fourth = server.http().post(PATH, BODY);
      assertThat(fourth.status()).as("the local counters keep the limit").isEqualTo(429);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("no request waits on the unreachable Redis")
          .isLessThan(Duration.ofSeconds(8));

      redis.start();
      RedisClient client = RedisClient.create(url);
      try (var connection = client.connect()) {
        connection.sync().flushall();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long keys = 0;
        while (keys == 0 && System.nanoTime() < deadline) {
          // The shared buckets start full: admitted again, and counted in Redis.
          int status = server.http().post(PATH, BODY).status();
          assertThat(status).isIn(200, 429);
          keys = connection.sync().dbsize();
          if (keys == 0) {
            Thread.sleep(200);
          }
        }
        assertThat(keys).as("quota counted in Redis again after it returned").isPositive();
      } finally {
        client.shutdown();
      }
    } finally {
      redis.stop();
    }
  }
}
