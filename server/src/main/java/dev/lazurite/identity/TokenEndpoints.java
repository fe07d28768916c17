package dev.lazurite.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in Entra-compatible token service: OpenID discovery, the key set, the v2 and v1
 * client-credentials token endpoints, and managed-identity tokens by the App Service protocol
 * ({@code IDENTITY_ENDPOINT} + {@code IDENTITY_HEADER}) and the IMDS path (loopback callers only).
 */
public final class TokenEndpoints {
  private final IdentityService identities;
  private final CodeGrant codeGrant;

  public TokenEndpoints(IdentityService identities, AuthorizationCodes codes) {
    this.identities = identities;
    this.codeGrant = new CodeGrant(identities, codes);
  }

  public void routing(HttpRouting.Builder routing) {
    routing
        // The ADFS form of the authority, which az uses for a private cloud: no tenant segment,
        // no instance discovery. Registered before the tenant routes, which would match it too.
        .get("/adfs/.well-known/openid-configuration", this::adfsDiscovery)
        .get("/adfs/discovery/keys", (req, res) -> sendKeys(res))
        .post("/adfs/oauth2/v2.0/token", this::issue)
        .post("/adfs/oauth2/token", this::issue)
        .get(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            (req, res) -> discovery(req, res, true))
        .get("/{tenant}/.well-known/openid-configuration", (req, res) -> discovery(req, res, false))
        .get("/{tenant}/discovery/v2.0/keys", this::keys)
        .get("/{tenant}/discovery/keys", this::keys)
        .post("/{tenant}/oauth2/v2.0/token", this::token)
        .post("/{tenant}/oauth2/token", this::token)
        .get("/msi/token", this::appServiceToken)
        .get("/metadata/identity/oauth2/token", this::imdsToken);
  }

  private boolean knownTenant(ServerRequest req, ServerResponse res) {
    String tenant = req.path().pathParameters().get("tenant");
    if (tenant.equals(identities.issuer().tenantId())) {
      return true;
    }
    error(
        res,
        400,
        "invalid_request",
        90002,
        "Tenant '"
            + tenant
            + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    return false;
  }

  private void discovery(ServerRequest req, ServerResponse res, boolean v2) {
    if (!knownTenant(req, res)) {
      return;
    }
    String tenant = identities.issuer().tenantId();
    String base = baseUrl(req) + "/" + tenant;
    String oauth = v2 ? base + "/oauth2/v2.0" : base + "/oauth2";
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("token_endpoint", oauth + "/token");
    doc.putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_post")
        .add("client_secret_basic");
    doc.put("jwks_uri", base + (v2 ? "/discovery/v2.0/keys" : "/discovery/keys"));
    doc.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    doc.putArray("subject_types_supported").add("pairwise");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    doc.putArray("response_types_supported")
        .add("code")
        .add("id_token")
        .add("code id_token")
        .add("id_token token");
    doc.putArray("scopes_supported")
        .add("openid")
        .add("profile")
        .add("email")
        .add("offline_access");
    doc.put("issuer", v2 ? base + "/v2.0" : identities.issuer().issuer());
    doc.put("request_uri_parameter_supported", false);
    doc.put("authorization_endpoint", oauth + "/authorize");
    doc.putArray("code_challenge_methods_supported").add("S256");
    doc.putArray("grant_types_supported").add("authorization_code").add("client_credentials");
    doc.put("device_authorization_endpoint", oauth + "/devicecode");
    doc.put("end_session_endpoint", oauth + "/logout");
    doc.putArray("claims_supported")
        .add("sub")
        .add("iss")
        .add("aud")
        .add("exp")
        .add("iat")
        .add("tid")
        .add("oid");
    doc.putNull("tenant_region_scope");
    doc.put("cloud_instance_name", "lazurite");
    doc.put("cloud_graph_host_name", "graph.windows.net");
    doc.put("msgraph_host", "graph.microsoft.com");
    json(res, 200, doc);
  }

  private void keys(ServerRequest req, ServerResponse res) {
    if (knownTenant(req, res)) {
      sendKeys(res);
    }
  }

  private void sendKeys(ServerResponse res) {
    res.header("Content-Type", "application/json");
    res.send(identities.issuer().publicKeys().toString(true));
  }

  private void adfsDiscovery(ServerRequest req, ServerResponse res) {
    String base = baseUrl(req) + "/adfs";
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("issuer", identities.issuer().issuer());
    doc.put("token_endpoint", base + "/oauth2/v2.0/token");
    doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    doc.put("jwks_uri", base + "/discovery/keys");
    doc.putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_post")
        .add("client_secret_basic");
    doc.putArray("response_types_supported").add("code").add("id_token");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    json(res, 200, doc);
  }

  private void token(ServerRequest req, ServerResponse res) {
    if (knownTenant(req, res)) {
      issue(req, res);
    }
  }

  private void issue(ServerRequest req, ServerResponse res) {
    Map<String, String> form;
    try {
      form = form(req, res);
    } catch (BodyRejected e) {
      error(res, e.status(), "invalid_request", 0, e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      malformed(res);
      return;
    }
    String grant = form.getOrDefault("grant_type", "");
    if (grant.equals("authorization_code")) {
      codeGrant.redeem(req, res, form);
      return;
    }
    if (!grant.equals("client_credentials")) {
      error(
          res,
          400,
          "unsupported_grant_type",
          70003,
          "The app requested an unsupported grant type '"
              + grant
              + "'. This service issues client_credentials and authorization_code tokens.");
      return;
    }
    String clientId = form.getOrDefault("client_id", "");
    String secret = form.getOrDefault("client_secret", "");
    String basic = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
    if (basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String[] pair =
            new String(
                    Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8)
                .split(":", 2);
        clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
        secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
      } catch (IllegalArgumentException e) {
        malformed(res);
        return;
      }
    }
    if (clientId.isEmpty()) {
      error(
          res,
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'client_id'.");
      return;
    }
    String requested = resourceScope(form.getOrDefault("scope", form.getOrDefault("resource", "")));
    Optional<String> audience = Audiences.forScopeOrResource(requested);
    if (audience.isEmpty()) {
      error(
          res,
          400,
          "invalid_scope",
          70011,
          "The provided value for the input parameter 'scope' is not valid. The scope "
              + requested
              + " is not valid.");
      return;
    }
    if (!identities.knowsApp(clientId)) {
      error(
          res,
          400,
          "unauthorized_client",
          700016,
          "Application with identifier '"
              + clientId
              + "' was not found in the directory '"
              + identities.issuer().tenantId()
              + "'.");
      return;
    }
    Optional<ServicePrincipal> principal = identities.authenticate(clientId, secret);
    if (principal.isEmpty()) {
      error(
          res,
          401,
          "invalid_client",
          7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
              + clientId
              + "'.");
      return;
    }
    TokenIssuer.Token token =
        identities.tokenFor(audience.get(), principal.get().objectId(), clientId);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
    body.put("ext_expires_in", TokenIssuer.LIFETIME.toSeconds());
    if (!form.containsKey("scope")) {
      body.put("resource", requested);
      body.put("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
    }
    body.put("access_token", token.accessToken());
    res.header("Cache-Control", "no-store");
    json(res, 200, body);
  }

  /** Drops the OpenID scopes MSAL adds ({@code openid profile offline_access}), as Entra does. */
  private static String resourceScope(String scope) {
    return java.util.Arrays.stream(scope.trim().split("\\s+"))
        .filter(s -> !java.util.Set.of("openid", "profile", "offline_access", "email").contains(s))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private void appServiceToken(ServerRequest req, ServerResponse res) {
    String header = req.headers().first(HeaderNames.create("X-IDENTITY-HEADER")).orElse("");
    Optional<ManagedIdentity> identity =
        header.isEmpty() ? Optional.empty() : identities.managedIdentityByHeader(header);
    if (identity.isEmpty()) {
      json(
          res,
          401,
          Json.MAPPER
              .createObjectNode()
              .put("statusCode", 401)
              .put("message", "Unauthorized: the X-IDENTITY-HEADER is missing or wrong."));
      return;
    }
    String clientId = req.query().first("client_id").orElse("");
    if (!clientId.isEmpty() && !clientId.equals(identity.get().clientId())) {
      json(
          res,
          400,
          Json.MAPPER
              .createObjectNode()
              .put("statusCode", 400)
              .put(
                  "message",
                  "No managed identity with client_id '"
                      + clientId
                      + "' is assigned to this caller."));
      return;
    }
    managedIdentityToken(req, res, identity.get());
  }

  private void imdsToken(ServerRequest req, ServerResponse res) {
    boolean loopback =
        req.remotePeer().address() instanceof InetSocketAddress peer
            && peer.getAddress().isLoopbackAddress();
    if (!loopback) {
      error(res, 403, "forbidden", 0, "The IMDS path answers only callers on this host.");
      return;
    }
    if (!"true".equalsIgnoreCase(req.headers().first(HeaderNames.create("Metadata")).orElse(""))) {
      error(res, 400, "invalid_request", 0, "Required metadata header not specified");
      return;
    }
    String clientId = req.query().first("client_id").orElse("");
    String objectId =
        req.query().first("object_id").orElse(req.query().first("principal_id").orElse(""));
    String name = req.query().first("msi_res_id").orElse(req.query().first("mi_res_id").orElse(""));
    var candidates =
        identities.managedIdentities().stream()
            .filter(m -> clientId.isEmpty() || m.clientId().equals(clientId))
            .filter(m -> objectId.isEmpty() || m.principalId().equals(objectId))
            .filter(m -> name.isEmpty() || name.endsWith("/" + m.name()) || name.equals(m.name()))
            .toList();
    if (candidates.size() != 1) {
      error(
          res,
          400,
          "invalid_request",
          0,
          candidates.isEmpty()
              ? "Identity not found"
              : "Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request");
      return;
    }
    managedIdentityToken(req, res, candidates.getFirst());
  }

  private void managedIdentityToken(
      ServerRequest req, ServerResponse res, ManagedIdentity identity) {
    String resource = req.query().first("resource").orElse("");
    Optional<String> audience = Audiences.forScopeOrResource(resource);
    if (audience.isEmpty()) {
      json(
          res,
          400,
          Json.MAPPER
              .createObjectNode()
              .put("statusCode", 400)
              .put(
                  "message",
                  "The resource '"
                      + resource
                      + "' is not a resource this service issues tokens for."));
      return;
    }
    TokenIssuer.Token token =
        identities.tokenFor(audience.get(), identity.principalId(), identity.clientId());
    long expiresIn = token.expiresOn().getEpochSecond() - Instant.now().getEpochSecond();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("access_token", token.accessToken());
    body.put("client_id", identity.clientId());
    body.put("expires_in", Long.toString(expiresIn));
    body.put("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
    body.put("ext_expires_in", Long.toString(expiresIn));
    body.put("not_before", Long.toString(Instant.now().getEpochSecond()));
    body.put("resource", resource);
    body.put("token_type", "Bearer");
    json(res, 200, body);
  }

  /** Entra's answer to a body or credential that does not decode. */
  private static void malformed(ServerResponse res) {
    error(
        res, 400, "invalid_request", 9002313, "Invalid request. Request is malformed or invalid.");
  }

  /**
   * The decoded form body.
   *
   * @throws BodyRejected when the body is over the limit, broken or too slow
   * @throws IllegalArgumentException when a name or value is not valid percent-encoding
   */
  static Map<String, String> form(ServerRequest req, ServerResponse res) {
    String body = new String(RequestBody.read(req, res), StandardCharsets.UTF_8);
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  static String baseUrl(ServerRequest req) {
    String host = req.headers().first(HeaderNames.HOST).orElse("localhost");
    return (req.isSecure() ? "https://" : "http://") + host;
  }

  /** Entra's error body: {@code error}, {@code error_description} with its AADSTS code, and ids. */
  static void error(ServerResponse res, int status, String error, int code, String description) {
    String trace = UUID.randomUUID().toString();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("error", error);
    body.put(
        "error_description",
        (code > 0 ? "AADSTS" + code + ": " : "")
            + description
            + "\r\nTrace ID: "
            + trace
            + "\r\nCorrelation ID: "
            + trace
            + "\r\nTimestamp: "
            + Instant.now());
    if (code > 0) {
      body.putArray("error_codes").add(code);
    }
    body.put("timestamp", Instant.now().toString());
    body.put("trace_id", trace);
    body.put("correlation_id", trace);
    json(res, status, body);
  }

  static void json(ServerResponse res, int status, ObjectNode body) {
    EdgeResponses.json(res, status, Json.write(body));
  }
}
