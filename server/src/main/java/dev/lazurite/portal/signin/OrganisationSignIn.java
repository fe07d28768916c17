package dev.lazurite.portal.signin;

import dev.lazurite.identity.AuthorizationCodes;
import dev.lazurite.identity.AuthorizationRequest;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with an organisation account: the authorization-code flow with PKCE against the identity
 * service's authorization endpoint, the portal being its client. The state and verifier belong to
 * the pre-sign-in session; the callback checks the state, redeems the code in process and starts a
 * user session with a new id.
 */
public final class OrganisationSignIn {
  private static final String SCOPE = "openid profile";

  private final Sessions sessions;
  private final AuthorizationCodes codes;
  private final String tenantId;

  public OrganisationSignIn(Sessions sessions, AuthorizationCodes codes, String tenantId) {
    this.sessions = sessions;
    this.codes = codes;
    this.tenantId = tenantId;
  }

  /**
   * Sends the browser to the authorization endpoint. The redirect URI is left out: the portal's
   * client has one on each listener, and the endpoint uses the one of the listener the browser
   * reached.
   */
  Reply start(PortalRequest request) {
    if (request.session().signedIn()) {
      return new Reply.Redirect(SignInRoutes.HOME);
    }
    var attempt = sessions.attempt(request.session());
    return new Reply.Redirect(
        "/"
            + tenantId
            + "/oauth2/v2.0/authorize?client_id="
            + AuthorizationRequest.PORTAL_CLIENT_ID
            + "&response_type=code&response_mode=query&scope="
            + enc(SCOPE)
            + "&state="
            + enc(attempt.state())
            + "&code_challenge="
            + AuthorizationCodes.challenge(attempt.verifier())
            + "&code_challenge_method=S256");
  }

  /** Where the authorization endpoint sends the browser back, with a code or an error. */
  Reply callback(PortalRequest request) {
    if (request.session().signedIn()) {
      return new Reply.Redirect(SignInRoutes.HOME);
    }
    var attempt = sessions.attempt(request.session());
    String state = request.query().getOrDefault("state", "");
    if (!attempt.stateMatches(state)) {
      return refused(
          "The sign-in did not start in this browser session, or that session ended. Sign in"
              + " again.");
    }
    if (request.query().containsKey("error")) {
      return refused("The sign-in was refused (" + request.query().get("error") + ").");
    }
    String code = request.query().getOrDefault("code", "");
    if (code.isEmpty()) {
      return refused("The sign-in answered without a code. Sign in again.");
    }
    var redemption =
        codes.redeem(
            code, AuthorizationRequest.PORTAL_CLIENT_ID, Optional.empty(), attempt.verifier());
    return switch (redemption) {
      case AuthorizationCodes.Redemption.Refused r ->
          refused("The sign-in could not be completed. Sign in again.");
      case AuthorizationCodes.Redemption.Redeemed r ->
          new Reply.SignedIn(
              sessions.signIn(
                  new PortalPrincipal.User(
                      r.user().objectId(), r.user().displayName(), new HashSet<>(r.groups()))),
              SignInRoutes.HOME);
    };
  }

  private static Reply refused(String message) {
    return new Reply.Page(400, "sign-in", Map.of("error", message));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
