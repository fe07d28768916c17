package dev.lazurite.portal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues, reads, rotates and revokes portal sessions, and checks their CSRF tokens. Sessions are
 * signed cookies (see {@link SessionCodec}): every instance sharing the key reads them, and an
 * expired or altered cookie is simply not a session. Only sign-outs are stored: a signed-in session
 * whose id is revoked is refused by every instance.
 */
public final class Sessions {
  /** The cookie's name. */
  public static final String COOKIE = "lazurite_portal";

  private final SessionCodec codec;
  private final Clock clock;
  private final Duration lifetime;
  private final SessionRevocations revocations;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key the HMAC key every instance shares, at least 32 bytes
   * @param lifetime how long a session lasts from sign-in
   */
  public Sessions(byte[] key, Clock clock, Duration lifetime) {
    this(key, clock, lifetime, SessionRevocations.inProcess(clock));
  }

  /**
   * @param revocations where sign-outs are recorded and checked
   */
  public Sessions(byte[] key, Clock clock, Duration lifetime, SessionRevocations revocations) {
    this.codec = new SessionCodec(key);
    this.clock = clock;
    this.lifetime = lifetime;
    this.revocations = revocations;
  }

  /** A new session for a visitor who has not signed in, e.g. to protect the sign-in form. */
  public Session anonymous() {
    return fresh(new PortalPrincipal.Anonymous());
  }

  /** A new session, with a new id, for a principal that just signed in. */
  public Session signIn(PortalPrincipal principal) {
    return fresh(principal);
  }

  /** The unexpired session a cookie value carries. */
  public Optional<Session> read(String cookieValue) {
    return codec
        .decode(cookieValue)
        .filter(s -> s.expiresAt().isAfter(clock.instant()))
        .filter(s -> !s.id().isEmpty())
        .filter(s -> !s.signedIn() || !revocations.revoked(s.id()));
  }

  /** Signs a session out on every instance: its cookie is refused from now on. */
  public void revoke(Session session) {
    revocations.revoke(session.id(), session.expiresAt());
  }

  /**
   * The state and PKCE verifier of a sign-in through the authorization endpoint, derived from the
   * pre-sign-in session with the session key: kept by the session without being written anywhere,
   * and worthless to any other session.
   */
  public SignInAttempt attempt(Session session) {
    return new SignInAttempt(
        codec.derive("state", session.id()), codec.derive("pkce-verifier", session.id()));
  }

  /**
   * @param state sent to the authorization endpoint and checked when it answers
   * @param verifier the PKCE verifier, sent only when the code is redeemed
   */
  public record SignInAttempt(String state, String verifier) {
    /** Whether {@code presented} is this attempt's state (compared in constant time). */
    public boolean stateMatches(String presented) {
      return MessageDigest.isEqual(
          state.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
  }

  public String encode(Session session) {
    return codec.encode(session);
  }

  public String csrfToken(Session session) {
    return codec.csrfToken(session);
  }

  /** Whether {@code token} is the session's CSRF token (compared in constant time). */
  public boolean csrfMatches(Session session, String token) {
    return MessageDigest.isEqual(
        codec.csrfToken(session).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The {@code Set-Cookie} value for a session: HttpOnly, SameSite=Strict, scoped to the portal,
   * {@code Secure} when it was set over HTTPS, and expiring with the session.
   */
  public String setCookie(Session session, boolean secure) {
    long maxAge = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
    return COOKIE
        + "="
        + codec.encode(session)
        + "; Path=/portal; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /** The {@code Set-Cookie} value that removes the session cookie. */
  public String clearCookie(boolean secure) {
    return COOKIE
        + "=; Path=/portal; Max-Age=0; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  private Session fresh(PortalPrincipal principal) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return new Session(
        Base64.getUrlEncoder().withoutPadding().encodeToString(id),
        principal,
        clock.instant().plus(lifetime));
  }
}
