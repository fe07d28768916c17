package dev.lazurite.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Locks a user name out of password sign-in for a while after too many wrong passwords in a row, as
 * Entra's smart lockout does by default (10 failures, then 60 seconds). Counts are kept per
 * instance, for at most 100,000 names: a lockout slows guessing, it does not replace strong
 * passwords. A correct password resets the count.
 */
final class SignInLockout {
  static final int THRESHOLD = 10;
  static final Duration DURATION = Duration.ofSeconds(60);

  private record Failures(int count, Instant last) {}

  private final Cache<String, Failures> failures =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfterWrite(DURATION.multipliedBy(10))
          .build();
  private final Clock clock;

  SignInLockout(Clock clock) {
    this.clock = clock;
  }

  /** Whether the name may try a password now. */
  boolean locked(String userName) {
    Failures seen = failures.getIfPresent(key(userName));
    return seen != null
        && seen.count() >= THRESHOLD
        && clock.instant().isBefore(seen.last().plus(DURATION));
  }

  void failed(String userName) {
    Instant now = clock.instant();
    failures
        .asMap()
        .merge(
            key(userName),
            new Failures(1, now),
            (old, one) ->
                // After a lockout has run out, the name gets a fresh set of tries.
                old.count() >= THRESHOLD ? one : new Failures(old.count() + 1, now));
  }

  void succeeded(String userName) {
    failures.invalidate(key(userName));
  }

  private static String key(String userName) {
    return userName.toLowerCase(Locale.ROOT);
  }
}
