package dev.lazurite.server.edge;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one check of the admin credential ({@code Authorization: Bearer {admin token}}) that every
 * management route shares: the audit log, captures, identities and metrics, and the portal's
 * sign-in. The comparison takes the same time whatever the presented token; the token itself never
 * appears in an answer.
 */
public final class AdminGuard {
  private final byte[] token;

  public AdminGuard(String token) {
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the admin credential must not be empty");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the request presents the admin credential as a bearer token. */
  public boolean admits(ServerRequest request) {
    String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
    String presented =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : "";
    return matches(presented);
  }

  /**
   * Whether {@code presented} is the admin credential (as typed into the portal's sign-in form);
   * the comparison takes the same time whatever it is.
   */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the request may go on; if not, it has been answered 401 in Azure's envelope ({@code
   * AuthenticationFailed}).
   */
  public boolean check(ServerRequest request, ServerResponse response) {
    if (admits(request)) {
      return true;
    }
    EdgeResponses.error(
        response, 401, "AuthenticationFailed", "The admin credential is missing or wrong.");
    return false;
  }

  @Override
  public String toString() {
    return "AdminGuard[redacted]";
  }
}
