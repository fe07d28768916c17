package dev.lazurite.portal.web;

import dev.lazurite.control.AccountMetadata;
import dev.lazurite.control.event.ChangeOrigin;
import dev.lazurite.error.ApiException;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Session;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the portal's route table. Before any handler runs, in this order: the listener (HTTPS, or
 * plain HTTP from this machine only), the session (a protected route without a signed-in session
 * redirects to the sign-in page), the CSRF token of every form, then the route's RBAC action at the
 * scope its path names. Every answer carries headers that keep it out of caches and frames.
 */
public final class PortalRouter {
  /** The form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "_csrf";

  public static final String SIGN_IN = "/portal/sign-in";

  private static final String CSP =
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Sessions sessions;
  private final PortalAccess access;
  private final Pages pages;
  private final List<PortalRoute> routes;

  public PortalRouter(
      Sessions sessions, PortalAccess access, Pages pages, List<PortalRoute> routes) {
    this.sessions = sessions;
    this.access = access;
    this.pages = pages;
    this.routes = List.copyOf(routes);
  }

  /** Every route, as registered. */
  public List<PortalRoute> routes() {
    return routes;
  }

  public void routing(HttpRouting.Builder routing) {
    for (PortalRoute route : routes) {
      routing.route(route.method(), route.path(), (req, res) -> serve(route, req, res));
    }
    routing.any("/portal", this::notFound).any("/portal/*", this::notFound);
  }

  private void serve(PortalRoute route, ServerRequest req, ServerResponse res) {
    guardHeaders(res);
    if (!req.isSecure() && !fromLoopback(req)) {
      res.status(403);
      res.header("Content-Type", "text/plain; charset=utf-8");
      res.send("The portal is served over HTTPS; plain HTTP is accepted from this machine only.");
      return;
    }
    Optional<Session> presented = cookie(req).flatMap(sessions::read);
    Session session;
    boolean newSession = false;
    switch (route.access()) {
      case Access.Public p -> {
        session = presented.orElseGet(sessions::anonymous);
        newSession = presented.isEmpty();
      }
      case Access.SignedIn r -> {
        if (presented.isEmpty() || !presented.get().signedIn()) {
          res.status(303).header("Location", SIGN_IN).send();
          return;
        }
        session = presented.get();
      }
      case Access.Requires r -> {
        if (presented.isEmpty() || !presented.get().signedIn()) {
          res.status(303).header("Location", SIGN_IN).send();
          return;
        }
        session = presented.get();
      }
    }
    Map<String, String> form = Map.of();
    if (route.method().equals(Method.POST)) {
      try {
        form = Forms.decode(new String(RequestBody.read(req, res), StandardCharsets.UTF_8));
      } catch (BodyRejected e) {
        write(error(e.status(), e.getMessage()), session, newSession, req, res);
        return;
      }
      if (newSession || !sessions.csrfMatches(session, form.getOrDefault(CSRF_FIELD, ""))) {
        write(
            error(403, "The form has expired or did not come from this portal. Reload and retry."),
            session,
            newSession,
            req,
            res);
        return;
      }
    }
    Map<String, String> path = pathParameters(req);
    var allowed = access.of(session.principal());
    if (route.access() instanceof Access.Requires(String action)
        && !allowed.allows(action, scope(path))) {
      write(
          error(403, "You are not allowed to do this here (" + action + ")."),
          session,
          false,
          req,
          res);
      return;
    }
    var origin = new ChangeOrigin(actor(session.principal()), clientAddress(req));
    var request =
        new PortalRequest(
            session, path, form, Forms.decode(req.query().rawValue()), allowed, origin);
    Reply reply;
    try {
      reply = origin.run(() -> route.handler().handle(request));
    } catch (ApiException e) {
      reply = error(e.errorCode().status(), e.getMessage());
    }
    write(reply, session, newSession, req, res);
  }

  private void write(
      Reply reply, Session session, boolean newSession, ServerRequest req, ServerResponse res) {
    boolean secure = req.isSecure();
    if (newSession && !(reply instanceof Reply.Asset)) {
      res.header("Set-Cookie", sessions.setCookie(session, secure));
    }
    switch (reply) {
      case Reply.Page page -> {
        var frame =
            new Frame(
                session.principal().displayName(), sessions.csrfToken(session), session.signedIn());
        res.status(page.status());
        res.header("Content-Type", "text/html; charset=utf-8");
        res.send(pages.render(page.template(), frame, page.params()));
      }
      case Reply.Redirect redirect ->
          res.status(303).header("Location", redirect.location()).send();
      case Reply.SignedIn signedIn ->
          res.status(303)
              .header("Set-Cookie", sessions.setCookie(signedIn.session(), secure))
              .header("Location", signedIn.location())
              .send();
      case Reply.SignedOut out ->
          res.status(303)
              .header("Set-Cookie", sessions.clearCookie(secure))
              .header("Location", out.location())
              .send();
      case Reply.Streamed streamed -> {
        res.status(streamed.status());
        res.header("Content-Type", streamed.contentType());
        res.header("X-Accel-Buffering", "no");
        try (OutputStream out = res.outputStream()) {
          streamed.body().writeTo(out);
        } catch (IOException | UncheckedIOException e) {
          // The page was closed mid-answer; the pipeline has already released what it held.
        }
      }
      case Reply.Asset asset -> {
        res.header("Cache-Control", "public, max-age=3600");
        res.header("Content-Type", asset.contentType());
        res.send(asset.body());
      }
    }
  }

  private void notFound(ServerRequest req, ServerResponse res) {
    guardHeaders(res);
    res.status(404);
    res.header("Content-Type", "text/plain; charset=utf-8");
    res.send("Not found.");
  }

  private static Reply error(int status, String message) {
    return new Reply.Page(status, "error", Map.of("status", status, "message", message));
  }

  private String scope(Map<String, String> path) {
    String group = path.get("group");
    String account = path.get("account");
    if (group == null) {
      return access.subscriptionScope();
    }
    return account == null ? access.groupScope(group) : access.accountScope(group, account);
  }

  private static Map<String, String> pathParameters(ServerRequest req) {
    var params = req.path().pathParameters();
    var path = new HashMap<String, String>();
    for (String name : params.names()) {
      path.put(name, params.get(name));
    }
    return path;
  }

  private static Optional<String> cookie(ServerRequest req) {
    var cookies = req.headers().cookies();
    return cookies.contains(Sessions.COOKIE)
        ? Optional.of(cookies.get(Sessions.COOKIE))
        : Optional.empty();
  }

  private static AccountMetadata.Actor actor(PortalPrincipal principal) {
    return switch (principal) {
      case PortalPrincipal.Admin a -> AccountMetadata.Actor.ADMIN;
      case PortalPrincipal.Anonymous a -> new AccountMetadata.Actor("anonymous", "User");
      case PortalPrincipal.User u -> new AccountMetadata.Actor(u.objectId(), "User");
    };
  }

  private static boolean fromLoopback(ServerRequest req) {
    return req.remotePeer().address() instanceof InetSocketAddress peer
        && peer.getAddress() != null
        && peer.getAddress().isLoopbackAddress();
  }

  private static String clientAddress(ServerRequest req) {
    return req.remotePeer().address() instanceof InetSocketAddress peer && peer.getAddress() != null
        ? peer.getAddress().getHostAddress()
        : "unknown";
  }

  private static void guardHeaders(ServerResponse res) {
    res.header("Cache-Control", "no-store");
    res.header("Content-Security-Policy", CSP);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "no-referrer");
    res.header("X-Frame-Options", "DENY");
  }
}
