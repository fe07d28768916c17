package dev.lazurite.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates bearer tokens with Nimbus: RS256 only (never {@code none}, never HMAC), a known {@code
 * kid}, the trusted issuer, an accepted audience, {@code exp}/{@code nbf} with two minutes of skew,
 * and the claims RBAC needs. Thread-safe.
 */
public final class TokenValidator {
  /** Longer tokens are refused before parsing. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final int SKEW_SECONDS = 120;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** Null when nothing is remembered. */
  private final Cache<String, Validated> validated;

  private record Validated(Principal.Entra principal, Instant expires) {}

  public TokenValidator(JWKSet publicKeys, String issuer, Set<String> audiences) {
    this(publicKeys, issuer, audiences, 10_000);
  }

  /**
   * @param remembered how many validated tokens to remember (0: check every signature)
   */
  public TokenValidator(JWKSet publicKeys, String issuer, Set<String> audiences, int remembered) {
    this.validated =
        remembered > 0
            ? Caffeine.newBuilder()
                .maximumSize(remembered)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build()
            : null;
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(publicKeys)));
    var verifier =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            audiences,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("exp", "nbf", "oid", "tid"),
            null);
    verifier.setMaxClockSkew(SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(verifier);
  }

  /** The caller a valid token names; empty for any token that fails any check. */
  public Optional<Principal.Entra> validate(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    Validated known = validated == null ? null : validated.getIfPresent(token);
    if (known != null) {
      if (Instant.now().isBefore(known.expires().plusSeconds(SKEW_SECONDS))) {
        return Optional.of(known.principal());
      }
      validated.invalidate(token);
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      List<String> groups = claims.getStringListClaim("groups");
      String appId = claims.getStringClaim("appid");
      var principal =
          new Principal.Entra(
              claims.getStringClaim("oid"),
              claims.getStringClaim("tid"),
              appId == null ? "" : appId,
              groups == null ? List.of() : groups);
      if (validated != null) {
        validated.put(token, new Validated(principal, claims.getExpirationTime().toInstant()));
      }
      return Optional.of(principal);
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
