package dev.lazurite.portal.session;

import dev.lazurite.identity.IdentityService;
import java.time.Instant;

/**
 * Sessions that were signed out before they expired, recorded where every instance reads them, so
 * that a signed-out cookie replayed to any instance is not a session.
 */
public interface SessionRevocations {
  /** Records the session id as signed out until {@code until}, when its cookie expires anyway. */
  void revoke(String sessionId, Instant until);

  boolean revoked(String sessionId);

  /** Revocations kept in the identity store with its other one-time values. */
  static SessionRevocations in(IdentityService identities) {
    return new SessionRevocations() {
      @Override
      public void revoke(String sessionId, Instant until) {
        identities.spendOnce("session:" + sessionId, "session", until);
      }

      @Override
      public boolean revoked(String sessionId) {
        return identities.spent("session:" + sessionId);
      }
    };
  }

  /**
   * Revocations kept in this process only, for a server of one instance (and tests): a sign-out is
   * in force here at once and forgotten when its cookie would have expired anyway.
   */
  static SessionRevocations inProcess(java.time.Clock clock) {
    var revoked = new java.util.concurrent.ConcurrentHashMap<String, Instant>();
    return new SessionRevocations() {
      @Override
      public void revoke(String sessionId, Instant until) {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
        revoked.put(sessionId, until);
      }

      @Override
      public boolean revoked(String sessionId) {
        Instant until = revoked.get(sessionId);
        return until != null && until.isAfter(clock.instant());
      }
    };
  }
}
