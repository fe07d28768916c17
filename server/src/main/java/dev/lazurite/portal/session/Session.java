package dev.lazurite.portal.session;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One browser's portal session.
 *
 * @param id random, 128 bits; replaced at sign-in so that an id planted before it is worthless
 * @param expiresAt after it the session is ignored and the browser signs in again
 */
public record Session(String id, PortalPrincipal principal, Instant expiresAt) {
  public Session {
    requireNonNull(id, "id is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  public boolean signedIn() {
    return !(principal instanceof PortalPrincipal.Anonymous);
  }

  @Override
  public String toString() {
    return "Session[" + principal.getClass().getSimpleName() + ", expires " + expiresAt + "]";
  }
}
