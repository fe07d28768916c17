package dev.lazurite.portal.signin;

import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.server.edge.AdminGuard;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out. A user principal signs in with its organisation account through the identity
 * service's authorization endpoint (see {@link OrganisationSignIn}); the admin credential (the
 * token in the data directory) signs in as the administrator. Either way the session gets a new id
 * at sign-in, so one planted before it is worthless; signing out revokes the session on every
 * instance.
 */
public final class SignInRoutes {
  public static final String HOME = "/portal/resources";

  private final Sessions sessions;
  private final AdminGuard admin;
  private final OrganisationSignIn organisation;

  public SignInRoutes(Sessions sessions, AdminGuard admin, OrganisationSignIn organisation) {
    this.sessions = sessions;
    this.admin = admin;
    this.organisation = organisation;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get("/portal", new Access.SignedIn(), r -> new Reply.Redirect(HOME)),
        PortalRoute.get("/portal/sign-in", new Access.Public(), this::form),
        PortalRoute.post("/portal/sign-in", new Access.Public(), this::signIn),
        PortalRoute.get("/portal/sign-in/organisation", new Access.Public(), organisation::start),
        PortalRoute.get("/portal/callback", new Access.Public(), organisation::callback),
        PortalRoute.post("/portal/sign-out", new Access.SignedIn(), this::signOut));
  }

  private Reply form(PortalRequest request) {
    if (request.session().signedIn()) {
      return new Reply.Redirect(HOME);
    }
    return Reply.page("sign-in", Map.of("error", ""));
  }

  private Reply signIn(PortalRequest request) {
    if (!admin.matches(request.field("credential").orElse(""))) {
      return new Reply.Page(401, "sign-in", Map.of("error", "That credential is not valid."));
    }
    return new Reply.SignedIn(sessions.signIn(new PortalPrincipal.Admin()), HOME);
  }

  private Reply signOut(PortalRequest request) {
    sessions.revoke(request.session());
    return new Reply.SignedOut("/portal/sign-in");
  }
}
