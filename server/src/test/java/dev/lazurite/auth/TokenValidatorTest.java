package dev.lazurite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.lazurite.identity.Audiences;
import dev.lazurite.testing.TestingTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every forged, stale or misdirected token is refused; the test fails if any is accepted. */
class TokenValidatorTest {
  final TestingTokens tokens = TestingTokens.create();
  final TokenValidator validator = tokens.validator();

  JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .audience(Audiences.COGNITIVE_SERVICES)
        .issuer(tokens.issuer().issuer())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("oid", "attacker")
        .claim("tid", TestingTokens.TENANT);
  }

  String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void acceptsItsOwnTokenAndReadsTheCaller() {
    var principal = validator.validate(tokens.token("oid-1", List.of("group-a"))).orElseThrow();
    assertThat(principal.objectId()).isEqualTo("oid-1");
    assertThat(principal.tenantId()).isEqualTo(TestingTokens.TENANT);
    assertThat(principal.appId()).isEqualTo("app-oid-1");
    assertThat(principal.assignees()).containsExactlyInAnyOrder("oid-1", "group-a");
    assertThat(validator.validate(signedQuietly(tokens.keys().current(), claims().build())))
        .isPresent();
  }

  String signedQuietly(RSAKey key, JWTClaimsSet claims) {
    try {
      return signed(key, claims);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesAlgNone() {
    assertThat(validator.validate(new PlainJWT(claims().build()).serialize())).isEmpty();
  }

  @Test
  void refusesHmacSignedWithThePublicKey() throws Exception {
    byte[] publicKey = tokens.keys().current().toRSAPublicKey().getEncoded();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(tokens.keys().current().getKeyID())
                .build(),
            claims().build());
    jwt.sign(new MACSigner(publicKey));
    assertThat(validator.validate(jwt.serialize())).isEmpty();
  }

  @Test
  void refusesUnknownKidsAndForeignKeys() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown").generate();
    assertThat(validator.validate(signed(stranger, claims().build()))).isEmpty();
    RSAKey impostor =
        new RSAKeyGenerator(2048).keyID(tokens.keys().current().getKeyID()).generate();
    assertThat(validator.validate(signed(impostor, claims().build())))
        .as("right kid, wrong key")
        .isEmpty();
  }

  @Test
  void refusesTheWrongIssuerAudienceOrMissingClaims() throws Exception {
    RSAKey key = tokens.keys().current();
    assertThat(
            validator.validate(
                signed(key, claims().issuer("https://sts.windows.net/other/").build())))
        .isEmpty();
    assertThat(validator.validate(signed(key, claims().audience(Audiences.MANAGEMENT).build())))
        .isEmpty();
    assertThat(validator.validate(signed(key, claims().audience("https://ai.azure.com").build())))
        .isEmpty();
    assertThat(validator.validate(signed(key, claims().claim("oid", null).build()))).isEmpty();
  }

  @Test
  void refusesExpiredAndNotYetValidTokens() {
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
    Clock future = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    assertThat(
            validator.validate(
                tokens
                    .issuerAt(past)
                    .issue(Audiences.COGNITIVE_SERVICES, "o", "a", List.of())
                    .accessToken()))
        .isEmpty();
    assertThat(
            validator.validate(
                tokens
                    .issuerAt(future)
                    .issue(Audiences.COGNITIVE_SERVICES, "o", "a", List.of())
                    .accessToken()))
        .isEmpty();
  }

  @Test
  void refusesTamperedTruncatedAndOversizedTokens() {
    String token = tokens.token("oid-1", List.of());
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("oid-1", "admin");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(validator.validate(tampered)).isEmpty();
    assertThat(validator.validate(token.substring(0, token.length() - 12))).isEmpty();
    assertThat(validator.validate(parts[0] + "." + parts[1])).isEmpty();
    assertThat(validator.validate(token + "A".repeat(TokenValidator.MAX_TOKEN_LENGTH))).isEmpty();
    assertThat(validator.validate("not.a.token")).isEmpty();
  }
}
