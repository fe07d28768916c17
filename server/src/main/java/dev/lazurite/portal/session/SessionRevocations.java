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

  /** No revocations: for a single process whose sessions are never signed out early. */
  static SessionRevocations none() {
    return new SessionRevocations() {
      @Override
      public void revoke(String sessionId, Instant until) {
        throw new UnsupportedOperationException("these sessions cannot be revoked");
      }

      @Override
      public boolean revoked(String sessionId) {
        return false;
      }
    };
  }
}
