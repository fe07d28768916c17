package dev.lazurite.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One backend's circuit breaker. CLOSED lets requests through and counts failures (429, 5xx,
 * timeouts, connection errors) in a sliding window; enough of them OPEN it for a while, or until
 * the upstream's {@code Retry-After} if that is later; after that one trial request is let through
 * (HALF_OPEN): success closes it, failure opens it again. Thread-safe; time comes from the clock.
 */
public final class CircuitBreaker {
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  /** When the breaker trips and for how long it stays open. */
  public record Config(int failureThreshold, Duration window, Duration openFor) {
    public static final Config DEFAULT =
        new Config(3, Duration.ofSeconds(30), Duration.ofSeconds(30));

    public Config {
      if (failureThreshold < 1) {
        throw new IllegalArgumentException("failureThreshold must be >= 1");
      }
    }
  }

  private final Config config;
  private final Clock clock;
  private final Deque<Instant> failures = new ArrayDeque<>();
  private State state = State.CLOSED;
  private Instant openUntil = Instant.MIN;
  private Instant retryAfterUntil = Instant.MIN;
  private boolean trialInFlight;

  public CircuitBreaker(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Whether a request may go to this backend now (a HALF_OPEN breaker admits one trial). */
  public synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    if (state == State.OPEN && !now.isBefore(openUntil)) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> {
        if (trialInFlight) {
          yield false;
        }
        trialInFlight = true;
        yield true;
      }
    };
  }

  /**
   * A request the backend answered. It closes a HALF_OPEN (or probed) breaker; in CLOSED it leaves
   * the window as it is, so that a backend failing every third request still trips.
   */
  public synchronized void recordSuccess() {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      trialInFlight = false;
      failures.clear();
    }
  }

  /**
   * @param retryAfter what the upstream asked for ({@link Duration#ZERO} when it said nothing): the
   *     breaker opens at once and stays open at least that long
   */
  public synchronized void recordFailure(Duration retryAfter) {
    Instant now = clock.instant();
    if (state == State.HALF_OPEN) {
      open(now, retryAfter);
      return;
    }
    failures.addLast(now);
    while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(config.window()))) {
      failures.removeFirst();
    }
    if (!retryAfter.isZero() || failures.size() >= config.failureThreshold()) {
      open(now, retryAfter);
    }
  }

  private void open(Instant now, Duration retryAfter) {
    state = State.OPEN;
    trialInFlight = false;
    failures.clear();
    // An upstream that said when to come back is believed; otherwise wait the configured time.
    openUntil = now.plus(retryAfter.isZero() ? config.openFor() : retryAfter);
    retryAfterUntil = retryAfter.isZero() ? Instant.MIN : openUntil;
  }

  /**
   * Whether an active health probe may try this backend now: it is open, and the upstream's {@code
   * Retry-After} (if it gave one) has passed.
   */
  public synchronized boolean probeDue() {
    return state == State.OPEN && !clock.instant().isBefore(retryAfterUntil);
  }

  /** A probe found the backend answering: close the breaker before its open time is over. */
  public synchronized void recordProbeSuccess() {
    if (state == State.OPEN) {
      state = State.CLOSED;
      failures.clear();
    }
  }

  public synchronized State state() {
    if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
      return State.HALF_OPEN;
    }
    return state;
  }
}
