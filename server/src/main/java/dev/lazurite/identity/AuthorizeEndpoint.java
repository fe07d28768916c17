package dev.lazurite.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.BodyRejected;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authorization endpoint of the authorization-code flow: checks the client and its redirect URI
 * (an unregistered one is never redirected to), requires PKCE with S256, shows a sign-in form whose
 * one-time value binds it to the request, and redirects with a code and the client's state. A
 * failed sign-in does not say whether the name or the password was wrong.
 */
public final class AuthorizeEndpoint {
  /** How long a sign-in form may be left open before it is submitted. */
  static final Duration FORM_LIFETIME = Duration.ofMinutes(15);

  private static final String FLOW = "sign-in form";
  private static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final IdentityService identities;
  private final AuthorizationCodes codes;
  private final SignedValues signer;
  private final Clock clock;
  private final SignInLockout lockout;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public AuthorizeEndpoint(
      IdentityService identities, AuthorizationCodes codes, byte[] serverKey, Clock clock) {
    this.identities = identities;
    this.codes = codes;
    this.signer = new SignedValues(serverKey);
    this.clock = clock;
    this.lockout = new SignInLockout(clock);
  }

  public void routing(HttpRouting.Builder routing) {
    routing
        .get("/{tenant}/oauth2/v2.0/authorize", this::authorize)
        .post("/{tenant}/oauth2/v2.0/authorize", this::authorize);
  }

  private void authorize(ServerRequest req, ServerResponse res) {
    guardHeaders(res);
    if (!req.isSecure()
        && !(req.remotePeer().address() instanceof java.net.InetSocketAddress peer
            && peer.getAddress() != null
            && peer.getAddress().isLoopbackAddress())) {
      page(
          res,
          403,
          error("Sign-in is served over HTTPS; plain HTTP is accepted from this machine only."));
      return;
    }
    String tenant = req.path().pathParameters().get("tenant");
    if (!tenant.equals(identities.issuer().tenantId())) {
      page(res, 400, error("AADSTS90002: Tenant '" + tenant + "' not found."));
      return;
    }
    Map<String, String> params;
    if (req.prologue().method().equals(Method.POST)) {
      try {
        params = TokenEndpoints.form(req, res);
      } catch (BodyRejected e) {
        page(res, e.status(), error("The request is too large or incomplete."));
        return;
      } catch (IllegalArgumentException e) {
        page(res, 400, error("AADSTS9002313: Invalid request. Request is malformed or invalid."));
        return;
      }
      if (params.containsKey("flow")) {
        signIn(req, res, params);
        return;
      }
    } else {
      params = new java.util.HashMap<>();
      for (String name : req.query().names()) {
        params.put(name, req.query().first(name).orElse(""));
      }
    }
    start(req, res, params);
  }

  /** A new authorization request: checked, then answered with the sign-in form. */
  private void start(ServerRequest req, ServerResponse res, Map<String, String> params) {
    var checked = AuthorizationRequest.check(params, identities, callbackOf(req));
    switch (checked) {
      case AuthorizationRequest.Checked.Invalid invalid -> page(res, 400, error(invalid.message()));
      case AuthorizationRequest.Checked.Refused refused -> redirect(res, refused.location());
      case AuthorizationRequest.Checked.Valid valid ->
          page(res, 200, form(req, valid.request(), "", ""));
    }
  }

  /** A submitted sign-in form: its one-time value is spent whatever the outcome. */
  private void signIn(ServerRequest req, ServerResponse res, Map<String, String> params) {
    Optional<JsonNode> flow = signer.verify(FLOW, params.get("flow"));
    Instant expires = Instant.ofEpochSecond(flow.map(f -> f.path("exp").asLong()).orElse(0L));
    if (flow.isEmpty()
        || !clock.instant().isBefore(expires)
        || !identities.spendOnce("form:" + flow.get().path("n").asText(), "form", expires)) {
      page(res, 400, error("This sign-in form has expired or was submitted already."));
      return;
    }
    AuthorizationRequest request = AuthorizationRequest.fromJson(flow.get().path("req"));
    String username = params.getOrDefault("username", "").strip();
    String password = params.getOrDefault("password", "");
    if (username.isEmpty() || password.isEmpty()) {
      page(res, 400, form(req, request, username, "Enter your user name and password."));
      return;
    }
    if (lockout.locked(username)) {
      page(
          res,
          429,
          form(
              req,
              request,
              username,
              "Your account is locked for a while: too many wrong passwords. Try again later."));
      return;
    }
    Optional<User> user = identities.users().authenticate(username, password);
    if (user.isEmpty()) {
      lockout.failed(username);
      page(res, 200, form(req, request, username, "Your account or password is incorrect."));
      return;
    }
    lockout.succeeded(username);
    String code = codes.issue(request.grant(), user.get());
    redirect(res, request.respond("code=" + enc(code)));
  }

  private String form(
      ServerRequest req, AuthorizationRequest request, String username, String error) {
    ObjectNode flow = Json.MAPPER.createObjectNode();
    flow.put("n", UUID.randomUUID().toString());
    flow.put("exp", clock.instant().plus(FORM_LIFETIME).getEpochSecond());
    flow.set("req", request.toJson());
    return render(
        "sign-in",
        Map.of(
            "action",
            req.path().rawPath(),
            "flow",
            signer.sign(FLOW, flow),
            "username",
            username.length() > 256 ? "" : username,
            "error",
            error));
  }

  private String error(String message) {
    return render("error", Map.of("status", 400, "message", message));
  }

  private String render(String template, Map<String, Object> params) {
    var out = new StringOutput(4096);
    templates.render("identity/" + template + ".jte", params, out);
    return out.toString();
  }

  /** The portal's callback on the listener this request came to: registered for the portal. */
  private static String callbackOf(ServerRequest req) {
    return TokenEndpoints.baseUrl(req) + "/portal/callback";
  }

  private static void page(ServerResponse res, int status, String html) {
    res.status(status);
    res.header("Content-Type", "text/html; charset=utf-8");
    res.send(html);
  }

  private static void redirect(ServerResponse res, String location) {
    res.status(302).header("Location", location).send();
  }

  private static void guardHeaders(ServerResponse res) {
    res.header("Cache-Control", "no-store");
    res.header("Content-Security-Policy", CSP);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "no-referrer");
    res.header("X-Frame-Options", "DENY");
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
