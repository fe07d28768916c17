package dev.lazurite.backend;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults a backend injects, for failover tests and load tests: a share of 429s (with {@code
 * Retry-After}), a share of 500s, a share of hangs (the backend says nothing for {@code hang}, then
 * the call times out as an upstream read would), added latency before every answer, and a share of
 * streams whose connection resets after a few events.
 */
public record FaultInjection(
    double rate429,
    double rate500,
    Duration latency,
    int retryAfterSeconds,
    double rateHang,
    Duration hang,
    double rateReset) {
  public static final FaultInjection NONE =
      new FaultInjection(0, 0, Duration.ZERO, 1, 0, Duration.ZERO, 0);

  /** Events a stream that resets sends first. */
  static final int EVENTS_BEFORE_RESET = 3;

  public FaultInjection {
    latency = latency == null ? Duration.ZERO : latency;
    hang = hang == null || hang.isZero() ? Duration.ofSeconds(30) : hang;
    if (rate429 < 0
        || rate500 < 0
        || rateHang < 0
        || rateReset < 0
        || rateReset > 1
        || rate429 + rate500 + rateHang > 1) {
      throw new IllegalArgumentException(
          "fault rates must be in [0, 1], and the 429, 500 and hang rates sum to at most 1");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
  }

  public boolean none() {
    return rate429 == 0 && rate500 == 0 && rateHang == 0 && rateReset == 0 && latency.isZero();
  }

  /** The backend with these faults in front of it. */
  public Backend around(Backend inner) {
    return none() ? inner : new Faulty(inner, this);
  }

  private void strike() {
    pause(latency);
    double roll = ThreadLocalRandom.current().nextDouble();
    if (roll < rate429) {
      throw ApiException.of(
              ErrorCode.UPSTREAM_RATE_LIMITED,
              "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.")
          .withHeaders(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
    if (roll < rate429 + rate500) {
      throw ApiException.of(ErrorCode.INTERNAL);
    }
    if (roll < rate429 + rate500 + rateHang) {
      pause(hang);
      throw ApiException.of(ErrorCode.TIMEOUT);
    }
  }

  private EventStream resetting(EventStream inner) {
    if (ThreadLocalRandom.current().nextDouble() >= rateReset) {
      return inner;
    }
    return sink -> {
      int[] sent = {0};
      try {
        inner.writeTo(
            event -> {
              if (sent[0]++ == EVENTS_BEFORE_RESET) {
                throw new Reset();
              }
              sink.send(event);
            });
      } catch (Reset reset) {
        throw ApiException.of(
            ErrorCode.UPSTREAM_ERROR, "The model backend stream ended unexpectedly.");
      }
    };
  }

  private static void pause(Duration duration) {
    if (!duration.isZero()) {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The connection reset, thrown through the inner stream to stop it. */
  private static final class Reset extends RuntimeException {
    Reset() {
      super("connection reset", null, false, false);
    }
  }

  private record Faulty(Backend inner, FaultInjection faults) implements Backend {
    @Override
    public Answer invoke(BackendCall call) {
      faults.strike();
      return switch (inner.invoke(call)) {
        case Result result -> result;
        case Streamed streamed -> new Streamed(faults.resetting(streamed.events()));
      };
    }

    @Override
    public boolean probe() {
      double roll = ThreadLocalRandom.current().nextDouble();
      return roll >= faults.rate429() + faults.rate500() + faults.rateHang() && inner.probe();
    }
  }
}
