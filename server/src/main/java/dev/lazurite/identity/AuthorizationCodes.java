package dev.lazurite.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.store.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Authorization codes of the authorization-code flow with PKCE. A code is signed with a key every
 * instance shares and names the user, the client, the redirect URI and the PKCE challenge it was
 * issued for; it lasts {@link #LIFETIME}. Redeeming it records its id in the store, so it is
 * redeemed once across all instances.
 */
public final class AuthorizationCodes {
  /** How long a code may wait to be redeemed. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** Verifiers and challenges: RFC 7636's unreserved characters, 43 to 128 of them. */
  public static final Pattern PKCE_VALUE = Pattern.compile("^[A-Za-z0-9._~-]{43,128}$");

  private static final String PURPOSE = "authorization code";

  private final SignedValues signer;
  private final IdentityStore store;
  private final Clock clock;

  public AuthorizationCodes(byte[] serverKey, IdentityStore store, Clock clock) {
    this.signer = new SignedValues(serverKey);
    this.store = store;
    this.clock = clock;
  }

  /**
   * What a code is issued for.
   *
   * @param redirectUri the redirect URI the client named, or empty when it named none and the
   *     client's only one was used; a code for a named one is redeemed only with the same
   * @param challenge the S256 PKCE challenge
   */
  public record Grant(
      String clientId, Optional<String> redirectUri, String scope, String challenge) {}

  public String issue(Grant grant, User user) {
    ObjectNode code = Json.MAPPER.createObjectNode();
    code.put("jti", UUID.randomUUID().toString());
    code.put("oid", user.objectId());
    code.put("cid", grant.clientId());
    grant.redirectUri().ifPresent(uri -> code.put("uri", uri));
    code.put("scope", grant.scope());
    code.put("cc", grant.challenge());
    code.put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
    return signer.sign(PURPOSE, code);
  }

  /** What redeeming a code gave. */
  public sealed interface Redemption {
    /** The user the code was issued to, the scope it was asked for, and the user's groups. */
    record Redeemed(User user, String scope, List<String> groups) implements Redemption {}

    /** Refused, with Entra's AADSTS number and description; the error is {@code invalid_grant}. */
    record Refused(int code, String description) implements Redemption {}
  }

  /**
   * Redeems a code, once.
   *
   * @param redirectUri the redirect URI of the token request, empty when it named none
   */
  public Redemption redeem(
      String code, String clientId, Optional<String> redirectUri, String verifier) {
    Optional<JsonNode> verified = signer.verify(PURPOSE, code);
    if (verified.isEmpty()) {
      return new Redemption.Refused(
          70000, "The provided value for the 'code' parameter is not valid.");
    }
    JsonNode grant = verified.get();
    Instant expires = Instant.ofEpochSecond(grant.path("exp").asLong());
    if (!clock.instant().isBefore(expires)) {
      return new Redemption.Refused(
          70008,
          "The provided authorization code or refresh token has expired due to inactivity. Send a"
              + " new interactive authorization request for this user and resource.");
    }
    if (!grant.path("cid").asText().equals(clientId)) {
      return new Redemption.Refused(
          70000,
          "The provided value for the 'code' parameter is not valid. The code was issued to"
              + " another client.");
    }
    Optional<String> issuedFor =
        grant.has("uri") ? Optional.of(grant.path("uri").asText()) : Optional.empty();
    if (!issuedFor.equals(redirectUri) && !(issuedFor.isEmpty() && redirectUri.isEmpty())) {
      return new Redemption.Refused(
          500112,
          "The reply address '"
              + redirectUri.orElse("")
              + "' does not match the reply address provided when requesting the authorization"
              + " code.");
    }
    if (!PKCE_VALUE.matcher(verifier).matches()
        || !MessageDigest.isEqual(
            challenge(verifier).getBytes(StandardCharsets.US_ASCII),
            grant.path("cc").asText().getBytes(StandardCharsets.US_ASCII))) {
      return new Redemption.Refused(
          501481, "The Code_Verifier does not match the code_challenge supplied in the request.");
    }
    if (!store.spend("code:" + grant.path("jti").asText(), "code", expires)) {
      return new Redemption.Refused(54005, "OAuth2 Authorization code was already redeemed.");
    }
    String objectId = grant.path("oid").asText();
    Optional<User> user = store.userByObjectId(objectId);
    if (user.isEmpty()) {
      return new Redemption.Refused(
          50034, "The user account does not exist in the directory any more.");
    }
    return new Redemption.Redeemed(
        user.get(), grant.path("scope").asText(), store.groupsOf(objectId));
  }

  /** The S256 challenge of a verifier: base64url of its SHA-256, without padding. */
  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
