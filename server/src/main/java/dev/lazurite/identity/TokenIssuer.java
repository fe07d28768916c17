package dev.lazurite.identity;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints access tokens shaped as Entra issues them for a resource: v1 tokens ({@code iss} {@code
 * https://sts.windows.net/{tid}/}) with {@code aud}, {@code tid}, {@code oid}, {@code appid},
 * {@code idtyp}, {@code groups}, signed RS256 with the current key's {@code kid}.
 */
public final class TokenIssuer {
  public static final Duration LIFETIME = Duration.ofSeconds(3599);

  private final SigningKeys keys;
  private final String tenantId;
  private final Clock clock;

  public TokenIssuer(SigningKeys keys, String tenantId, Clock clock) {
    this.keys = keys;
    this.tenantId = tenantId;
    this.clock = clock;
  }

  public com.nimbusds.jose.jwk.JWKSet publicKeys() {
    return keys.publicKeys();
  }

  public String tenantId() {
    return tenantId;
  }

  /** The {@code iss} of every token this service mints. */
  public String issuer() {
    return issuerFor(tenantId);
  }

  public static String issuerFor(String tenantId) {
    return "https://sts.windows.net/" + tenantId + "/";
  }

  /** A minted token and when it expires. */
  public record Token(String accessToken, Instant expiresOn) {
    public Token {
      requireNonNull(accessToken, "accessToken is null");
      requireNonNull(expiresOn, "expiresOn is null");
    }
  }

  /**
   * @param audience the resource, e.g. {@code https://cognitiveservices.azure.com}
   * @param objectId the principal RBAC authorizes
   * @param appId the client that signed in
   */
  public Token issue(String audience, String objectId, String appId, List<String> groups) {
    return mint(
        audience,
        issuer(),
        objectId,
        groups,
        claims ->
            claims
                .jwtID(UUID.randomUUID().toString())
                .claim("appid", appId)
                .claim("appidacr", "1")
                .claim("idtyp", "app")
                .claim("ver", "1.0"));
  }

  /**
   * An access token for a user who signed in through a client: {@code idtyp} {@code user}, with the
   * user's {@code name} and {@code upn}.
   */
  public Token issueForUser(String audience, User user, String clientId, List<String> groups) {
    return mint(
        audience,
        issuer(),
        user.objectId(),
        groups,
        claims ->
            claims
                .jwtID(UUID.randomUUID().toString())
                .claim("appid", clientId)
                .claim("appidacr", "0")
                .claim("idtyp", "user")
                .claim("name", user.displayName())
                .claim("upn", user.userPrincipalName())
                .claim("scp", "user_impersonation")
                .claim("ver", "1.0"));
  }

  /**
   * An OpenID Connect ID token for {@code clientId}: v2 shaped ({@code iss} {@code
   * https://<authority>/<tenant>/v2.0}) with {@code oid}, {@code name}, {@code preferred_username}
   * and {@code groups}.
   */
  public Token idToken(String v2Issuer, String clientId, User user, List<String> groups) {
    return mint(
        clientId,
        v2Issuer,
        user.objectId(),
        groups,
        claims ->
            claims
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("groups", List.copyOf(groups))
                .claim("ver", "2.0"));
  }

  /**
   * The claims every token shares (audience, issuer, times, subject, tenant, object id and, when
   * there are any, groups), then the kind's own, signed.
   */
  private Token mint(
      String audience,
      String iss,
      String objectId,
      List<String> groups,
      UnaryOperator<JWTClaimsSet.Builder> kind) {
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(audience)
            .issuer(iss)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .subject(objectId)
            .claim("tid", tenantId)
            .claim("oid", objectId);
    if (!groups.isEmpty()) {
      claims.claim("groups", List.copyOf(groups));
    }
    return new Token(sign(kind.apply(claims)), expires);
  }

  private String sign(JWTClaimsSet.Builder claims) {
    var signingKey = keys.current();
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(signingKey.getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
