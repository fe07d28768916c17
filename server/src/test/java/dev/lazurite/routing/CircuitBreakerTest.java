package dev.lazurite.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  final TestingClock clock = new TestingClock();
  final CircuitBreaker breaker =
      new CircuitBreaker(
          new CircuitBreaker.Config(3, Duration.ofSeconds(30), Duration.ofSeconds(20)), clock);

  @Test
  void opensAfterEnoughFailuresInTheWindowThenTriesOnceAndCloses() {
    breaker.recordFailure(Duration.ZERO);
    breaker.recordFailure(Duration.ZERO);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    breaker.recordFailure(Duration.ZERO);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(20));
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).as("one trial").isTrue();
    assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailedTrialOpensAgain() {
    for (int i = 0; i < 3; i++) {
      breaker.recordFailure(Duration.ZERO);
    }
    clock.advance(Duration.ofSeconds(21));
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.recordFailure(Duration.ZERO);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofSeconds(19));
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    breaker.recordFailure(Duration.ZERO);
    breaker.recordFailure(Duration.ZERO);
    clock.advance(Duration.ofSeconds(31));
    breaker.recordFailure(Duration.ZERO);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void honoursTheUpstreamsRetryAfter() {
    breaker.recordFailure(Duration.ofSeconds(5));
    assertThat(breaker.state())
        .as("a 429 with Retry-After opens at once")
        .isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofSeconds(4));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }
}
