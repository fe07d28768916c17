package dev.lazurite.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Routing within a pool: order, failover, latency failover and active probes. */
class PoolRouterTest {
  static final BackendCall CALL =
      new BackendCall.Chat(
          ChatRequestParser.parse(
              (ObjectNode)
                  Json.MAPPER
                      .createObjectNode()
                      .set(
                          "messages",
                          Json.MAPPER
                              .createArrayNode()
                              .add(
                                  Json.MAPPER
                                      .createObjectNode()
                                      .put("role", "user")
                                      .put("content", "Hi"))),
              "2024-10-21"),
          ModelCatalog.find("gpt-4o", "2024-08-06").orElseThrow());

  final TestingClock clock = new TestingClock();

  /** Answers with its name, or fails while {@code down} is set. */
  static final class Named implements Backend {
    final String name;
    final AtomicBoolean down = new AtomicBoolean();

    Named(String name) {
      this.name = name;
    }

    @Override
    public Answer invoke(BackendCall call) {
      if (down.get()) {
        throw ApiException.of(ErrorCode.UPSTREAM_ERROR, "The model backend could not be reached.");
      }
      return new Result(Map.of("from", name), 1, 1);
    }

    @Override
    public boolean probe() {
      return !down.get();
    }
  }

  PoolMember member(String name, int priority, Backend backend, Duration slowAfter) {
    return new PoolMember(
        name,
        "eastus",
        priority,
        1,
        backend,
        new CircuitBreaker(CircuitBreaker.Config.DEFAULT, clock),
        new LatencyTracker(slowAfter));
  }

  static String served(List<PoolMember> pool) {
    return PoolRouter.call(
            pool, "Standard", "eastus", Duration.ofSeconds(60), m -> m.backend().invoke(CALL))
        .member()
        .name();
  }

  @Test
  void aHangingBackendTimesOutAndTheNextOneAnswers() {
    var hanging =
        new FaultInjection(0, 0, Duration.ZERO, 1, 1, Duration.ofMillis(50), 0)
            .around(new Named("hangs"));
    var pool =
        List.of(
            member("hangs", 0, hanging, Duration.ZERO),
            member("up", 1, new Named("up"), Duration.ZERO));
    assertThat(served(pool)).isEqualTo("up");
  }

  @Test
  void aSlowBackendIsTriedAfterTheOthersAndStillReMeasured() {
    var slow = member("slow", 0, new Named("slow"), Duration.ofMillis(100));
    var fast = member("fast", 1, new Named("fast"), Duration.ofMillis(100));
    var pool = List.of(slow, fast);
    assertThat(served(pool)).as("priority first while nothing is known").isEqualTo("slow");
    for (int i = 0; i < 30; i++) {
      slow.latency().record(Duration.ofMillis(400));
    }
    int toSlow = 0;
    for (int i = 0; i < 100; i++) {
      if (served(pool).equals("slow")) {
        toSlow++;
      }
    }
    assertThat(toSlow)
        .as("one request in %d re-measures the slow backend", LatencyTracker.REMEASURE_EVERY)
        .isEqualTo(100 / LatencyTracker.REMEASURE_EVERY);
    // Fast answers on those re-measures bring it back under the threshold, and first again.
    for (int i = 0; i < 200; i++) {
      served(pool);
    }
    assertThat(slow.latency().mean()).isLessThan(Duration.ofMillis(100));
    for (int i = 0; i < 5; i++) {
      assertThat(served(pool)).isEqualTo("slow");
    }
  }

  @Test
  void latencyFailoverOffKeepsPriorityOrder() {
    var slow = member("slow", 0, new Named("slow"), Duration.ZERO);
    slow.latency().record(Duration.ofSeconds(5));
    var pool = List.of(slow, member("fast", 1, new Named("fast"), Duration.ZERO));
    assertThat(served(pool)).isEqualTo("slow");
  }

  @Test
  void aProbeClosesTheBreakerOfABackendThatIsBackBeforeItsOpenTimeEnds() {
    var primary = new Named("primary");
    var pool =
        List.of(
            member("primary", 0, primary, Duration.ZERO),
            member("secondary", 1, new Named("secondary"), Duration.ZERO));
    primary.down.set(true);
    for (int i = 0; i < 3; i++) {
      assertThat(served(pool)).isEqualTo("secondary");
    }
    assertThat(pool.get(0).breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
    HealthProber.probe(pool);
    assertThat(pool.get(0).breaker().state()).as("still down").isEqualTo(CircuitBreaker.State.OPEN);
    primary.down.set(false);
    HealthProber.probe(pool);
    assertThat(pool.get(0).breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(served(pool)).isEqualTo("primary");
  }

  @Test
  void probesWaitForTheUpstreamsRetryAfter() {
    var breaker = new CircuitBreaker(CircuitBreaker.Config.DEFAULT, clock);
    breaker.recordFailure(Duration.ofSeconds(10));
    assertThat(breaker.probeDue()).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(breaker.probeDue()).isTrue();
  }

  @Test
  void noFurtherBackendIsTriedOnceTheDeadlineHasPassed() {
    var hanging =
        new FaultInjection(0, 0, Duration.ZERO, 1, 1, Duration.ofMillis(100), 0)
            .around(new Named("hangs"));
    var pool =
        List.of(
            member("hangs", 0, hanging, Duration.ZERO),
            member("up", 1, new Named("up"), Duration.ZERO));
    assertThatThrownBy(
            () ->
                PoolRouter.call(
                    pool,
                    "Standard",
                    "eastus",
                    Duration.ofMillis(50),
                    m -> m.backend().invoke(CALL)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TIMEOUT));
  }

  @Test
  void theLastFailureReachesTheClientWhenEveryBackendFails() {
    var down = new Named("down");
    down.down.set(true);
    assertThatThrownBy(() -> served(List.of(member("down", 0, down, Duration.ZERO))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
  }
}
