package dev.lazurite.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checked request to the authorization endpoint.
 *
 * @param redirectUri where the answer goes: registered for the client
 * @param named whether the client named the redirect URI (then redeeming the code must name it too)
 * @param state the client's state, returned as it was sent; empty when it sent none
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    boolean named,
    String scope,
    Optional<String> state,
    String challenge) {
  /** The portal's client id: a public client whose redirect URI is each listener's callback. */
  public static final String PORTAL_CLIENT_ID = "5c3b2f1e-8a4d-4c6b-9e7f-0d1a2b3c4d5e";

  private static final Set<String> OPENID = Set.of("openid", "profile", "offline_access", "email");
  private static final int MAX_STATE = 2048;

  /** What checking the parameters found. */
  public sealed interface Checked {
    /** A valid request. */
    record Valid(AuthorizationRequest request) implements Checked {}

    /** The client or its redirect URI is not valid: shown on a page, never redirected. */
    record Invalid(String message) implements Checked {}

    /** Refused, answered at the registered redirect URI with an {@code error}. */
    record Refused(String location) implements Checked {}
  }

  /**
   * @param portalCallback the portal's callback on the listener the request came to
   */
  static Checked check(
      Map<String, String> params, IdentityService identities, String portalCallback) {
    String clientId = params.getOrDefault("client_id", "");
    if (clientId.isEmpty()) {
      return new Checked.Invalid(
          "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    }
    String given = params.getOrDefault("redirect_uri", "");
    if (!clientId.equals(PORTAL_CLIENT_ID)) {
      return new Checked.Invalid(
          identities.knowsApp(clientId)
              ? "AADSTS50011: The redirect URI specified in the request does not match the"
                  + " redirect URIs configured for the application '"
                  + clientId
                  + "'."
              : "AADSTS700016: Application with identifier '"
                  + clientId
                  + "' was not found in the directory.");
    }
    if (!given.isEmpty() && !given.equals(portalCallback)) {
      return new Checked.Invalid(
          "AADSTS50011: The redirect URI specified in the request does not match the redirect"
              + " URIs configured for the application '"
              + clientId
              + "'.");
    }
    String state = params.get("state");
    if (state != null && state.length() > MAX_STATE) {
      state = null;
    }
    var request =
        new AuthorizationRequest(
            clientId,
            portalCallback,
            !given.isEmpty(),
            params.getOrDefault("scope", "openid"),
            Optional.ofNullable(state),
            params.getOrDefault("code_challenge", ""));
    String responseType = params.getOrDefault("response_type", "");
    if (!responseType.equals("code")) {
      return request.refuse(
          "unsupported_response_type",
          "AADSTS700054: response_type '" + responseType + "' is not enabled; use 'code'.");
    }
    String mode = params.getOrDefault("response_mode", "query");
    if (!mode.equals("query")) {
      return request.refuse(
          "invalid_request", "AADSTS900144: response_mode '" + mode + "' is not supported.");
    }
    if (request.challenge().isEmpty()) {
      return request.refuse(
          "invalid_request",
          "AADSTS9002325: Proof Key for Code Exchange is required: send code_challenge and"
              + " code_challenge_method=S256.");
    }
    if (!params.getOrDefault("code_challenge_method", "plain").equals("S256")) {
      return request.refuse(
          "invalid_request",
          "AADSTS5002738: Invalid code_challenge_method: only S256 is supported.");
    }
    if (!request.challenge().matches("^[A-Za-z0-9_-]{43}$")) {
      return request.refuse(
          "invalid_request", "AADSTS501491: Invalid size of Code_Challenge parameter.");
    }
    String resource = resourceScope(request.scope());
    if (!resource.isEmpty() && Audiences.forScopeOrResource(resource).isEmpty()) {
      return request.refuse(
          "invalid_scope",
          "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The"
              + " scope "
              + resource
              + " is not valid.");
    }
    return new Checked.Valid(request);
  }

  /** The scope without the OpenID scopes: the resource the access token is for. */
  static String resourceScope(String scope) {
    return Arrays.stream(scope.trim().split("\\s+"))
        .filter(s -> !OPENID.contains(s))
        .collect(Collectors.joining(" "));
  }

  /** The redirect that answers this request with {@code query} and the client's state. */
  String respond(String query) {
    return redirectUri
        + (redirectUri.contains("?") ? "&" : "?")
        + query
        + state.map(s -> "&state=" + AuthorizeEndpoint.enc(s)).orElse("");
  }

  private Checked.Refused refuse(String error, String description) {
    return new Checked.Refused(
        respond(
            "error="
                + AuthorizeEndpoint.enc(error)
                + "&error_description="
                + AuthorizeEndpoint.enc(description)));
  }

  AuthorizationCodes.Grant grant() {
    return new AuthorizationCodes.Grant(
        clientId, named ? Optional.of(redirectUri) : Optional.empty(), scope, challenge);
  }

  ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("cid", clientId);
    node.put("uri", redirectUri);
    node.put("named", named);
    node.put("scope", scope);
    state.ifPresent(s -> node.put("state", s));
    node.put("cc", challenge);
    return node;
  }

  static AuthorizationRequest fromJson(JsonNode node) {
    return new AuthorizationRequest(
        node.path("cid").asText(),
        node.path("uri").asText(),
        node.path("named").asBoolean(),
        node.path("scope").asText(),
        node.has("state") ? Optional.of(node.path("state").asText()) : Optional.empty(),
        node.path("cc").asText());
  }
}
