package dev.lazurite.auth;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates bearer tokens with Nimbus against the issuers it trusts (the built-in token service,
 * and any configured external one): RS256 only (never {@code none}, never HMAC), a known {@code
 * kid} from that issuer's key set, an accepted audience, {@code exp}/{@code nbf} with two minutes
 * of skew, and the principal claim. Tokens that passed are remembered (bounded, ten minutes at
 * most) so that the signature of a token a client reuses is checked once; its expiry is checked on
 * every use. Thread-safe.
 */
public final class TokenValidator {
  /** Longer tokens are refused before parsing. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final int SKEW_SECONDS = 120;

  /**
   * One issuer and how to read its tokens.
   *
   * @param objectIdClaim the claim naming the principal ({@code oid} for Entra, {@code sub} for
   *     many OIDC providers)
   * @param groupsClaim the claim listing group ids
   */
  public record Trust(
      String issuer,
      JWKSource<SecurityContext> keys,
      Set<String> audiences,
      String objectIdClaim,
      String groupsClaim) {
    public Trust {
      requireNonNull(issuer, "issuer is null");
      requireNonNull(keys, "keys is null");
      audiences = Set.copyOf(audiences);
      requireNonNull(objectIdClaim, "objectIdClaim is null");
      requireNonNull(groupsClaim, "groupsClaim is null");
    }

    /** The built-in token service: a fixed key set, Entra's claim names. */
    public static Trust own(JWKSet keys, String issuer, Set<String> audiences) {
      return new Trust(issuer, new ImmutableJWKSet<>(keys), audiences, "oid", "groups");
    }
  }

  private record Verifier(Trust trust, DefaultJWTProcessor<SecurityContext> processor) {}

  private record Validated(Principal.Entra principal, Instant expires) {}

  private final Map<String, Verifier> verifiers = new HashMap<>();

  /** Null when nothing is remembered. */
  private final Cache<String, Validated> validated;

  public TokenValidator(JWKSet publicKeys, String issuer, Set<String> audiences) {
    this(List.of(Trust.own(publicKeys, issuer, audiences)), 10_000);
  }

  public TokenValidator(JWKSet publicKeys, String issuer, Set<String> audiences, int remembered) {
    this(List.of(Trust.own(publicKeys, issuer, audiences)), remembered);
  }

  /**
   * @param remembered how many validated tokens to remember (0: check every signature)
   */
  public TokenValidator(List<Trust> trusts, int remembered) {
    for (Trust trust : trusts) {
      var processor = new DefaultJWTProcessor<SecurityContext>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, trust.keys()));
      var verifier =
          new DefaultJWTClaimsVerifier<SecurityContext>(
              trust.audiences(),
              new JWTClaimsSet.Builder().issuer(trust.issuer()).build(),
              Set.of("exp", trust.objectIdClaim()),
              null);
      verifier.setMaxClockSkew(SKEW_SECONDS);
      processor.setJWTClaimsSetVerifier(verifier);
      verifiers.put(trust.issuer(), new Verifier(trust, processor));
    }
    this.validated =
        remembered > 0
            ? Caffeine.newBuilder()
                .maximumSize(remembered)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build()
            : null;
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
      // The issuer is read unverified only to choose whose keys verify the token.
      Verifier verifier = verifiers.get(SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
      if (verifier == null) {
        return Optional.empty();
      }
      JWTClaimsSet claims = verifier.processor().process(token, null);
      if (claims.getNotBeforeTime() == null && claims.getIssueTime() == null) {
        return Optional.empty();
      }
      Trust trust = verifier.trust();
      List<String> groups = claims.getStringListClaim(trust.groupsClaim());
      String tenant = claims.getStringClaim("tid");
      String appId = claims.getStringClaim("appid");
      if (appId == null) {
        appId = claims.getStringClaim("azp");
      }
      var principal =
          new Principal.Entra(
              claims.getStringClaim(trust.objectIdClaim()),
              tenant == null ? trust.issuer() : tenant,
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
