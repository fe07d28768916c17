package dev.lazurite.auth;

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

  public TokenValidator(JWKSet publicKeys, String issuer, Set<String> audiences) {
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
    try {
      JWTClaimsSet claims = processor.process(token, null);
      List<String> groups = claims.getStringListClaim("groups");
      String appId = claims.getStringClaim("appid");
      return Optional.of(
          new Principal.Entra(
              claims.getStringClaim("oid"),
              claims.getStringClaim("tid"),
              appId == null ? "" : appId,
              groups == null ? List.of() : groups));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
