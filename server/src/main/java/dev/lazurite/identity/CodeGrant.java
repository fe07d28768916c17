package dev.lazurite.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint's {@code authorization_code} grant: a code and its PKCE verifier give the
 * user's access token (for the resource the authorization request's scope named, Cognitive Services
 * when it named none) and, with {@code openid}, an ID token for the client.
 */
final class CodeGrant {
  private final IdentityService identities;
  private final AuthorizationCodes codes;

  CodeGrant(IdentityService identities, AuthorizationCodes codes) {
    this.identities = identities;
    this.codes = codes;
  }

  void redeem(ServerRequest req, ServerResponse res, Map<String, String> form) {
    for (String field : new String[] {"client_id", "code", "code_verifier"}) {
      if (form.getOrDefault(field, "").isEmpty()) {
        TokenEndpoints.error(
            res,
            400,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: '" + field + "'.");
        return;
      }
    }
    String clientId = form.get("client_id");
    String redirectUri = form.getOrDefault("redirect_uri", "");
    var redemption =
        codes.redeem(
            form.get("code"),
            clientId,
            redirectUri.isEmpty() ? Optional.empty() : Optional.of(redirectUri),
            form.get("code_verifier"));
    switch (redemption) {
      case AuthorizationCodes.Redemption.Refused refused ->
          TokenEndpoints.error(res, 400, "invalid_grant", refused.code(), refused.description());
      case AuthorizationCodes.Redemption.Redeemed redeemed -> {
        String resource = AuthorizationRequest.resourceScope(redeemed.scope());
        String audience =
            Audiences.forScopeOrResource(resource).orElse(Audiences.COGNITIVE_SERVICES);
        TokenIssuer issuer = identities.issuer();
        var token = issuer.issueForUser(audience, redeemed.user(), clientId, redeemed.groups());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("token_type", "Bearer");
        body.put("scope", redeemed.scope());
        body.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
        body.put("ext_expires_in", TokenIssuer.LIFETIME.toSeconds());
        body.put("access_token", token.accessToken());
        if (Arrays.asList(redeemed.scope().split("\\s+")).contains("openid")) {
          String v2Issuer = TokenEndpoints.baseUrl(req) + "/" + issuer.tenantId() + "/v2.0";
          body.put(
              "id_token",
              issuer.idToken(v2Issuer, clientId, redeemed.user(), redeemed.groups()).accessToken());
        }
        res.header("Cache-Control", "no-store");
        TokenEndpoints.json(res, 200, body);
      }
    }
  }
}
