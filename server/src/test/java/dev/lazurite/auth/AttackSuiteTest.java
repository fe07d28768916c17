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
import dev.lazurite.identity.TokenIssuer;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every attack on the data plane's authentication, end to end over HTTP against a server where a
 * legitimate token for the same principal succeeds. The test fails if any attack is accepted.
 */
class AttackSuiteTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String VICTIM = "victim-object-id";

  static JWTClaimsSet.Builder claims(TokenIssuer issuer) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .audience(Audiences.COGNITIVE_SERVICES)
        .issuer(issuer.issuer())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("oid", VICTIM)
        .claim("tid", issuer.tenantId());
  }

  static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
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
  void everyAttackIsRejected() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      var control = server.server().control();
      String sub = server.server().subscriptionId();
      control.assignRole(
          UUID.randomUUID().toString(),
          VICTIM,
          BuiltInRoles.OPENAI_USER.roleName(),
          "/subscriptions/" + sub);
      TokenIssuer issuer = server.server().identities().issuer();
      String legitimate =
          issuer.issue(Audiences.COGNITIVE_SERVICES, VICTIM, "app", List.of()).accessToken();
      var http = server.http();
      assertThat(http.send("POST", CHAT, HELLO, "Authorization", "Bearer " + legitimate).status())
          .as("the legitimate token works, so a rejection below is the attack's doing")
          .isEqualTo(200);

      RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
      String kid = com.nimbusds.jose.JWSObject.parse(legitimate).getHeader().getKeyID();
      RSAKey impostor = new RSAKeyGenerator(2048).keyID(kid).generate();
      var hmac =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims(issuer).build());
      hmac.sign(
          new MACSigner(
              issuer.publicKeys().getKeyByKeyId(kid).toRSAKey().toRSAPublicKey().getEncoded()));
      String[] parts = legitimate.split("\\.");
      String payload =
          new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
              .replace("\"app\"", "\"evil\"");
      String tampered =
          parts[0]
              + "."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
              + "."
              + parts[2];

      Map<String, String> tokens = new LinkedHashMap<>();
      tokens.put("alg none", new PlainJWT(claims(issuer).build()).serialize());
      tokens.put("HS256 signed with the public key", hmac.serialize());
      tokens.put("unknown kid", signed(stranger, claims(issuer).build()));
      tokens.put(
          "known kid, foreign key (untrusted issuer)", signed(impostor, claims(issuer).build()));
      tokens.put(
          "wrong issuer",
          signed(impostor, claims(issuer).issuer("https://sts.windows.net/attacker/").build()));
      tokens.put(
          "wrong audience",
          issuer.issue(Audiences.MANAGEMENT, VICTIM, "app", List.of()).accessToken());
      tokens.put(
          "expired",
          new TokenIssuer(
                  serverKeys(server),
                  issuer.tenantId(),
                  Clock.offset(Clock.systemUTC(), Duration.ofHours(-3)))
              .issue(Audiences.COGNITIVE_SERVICES, VICTIM, "app", List.of())
              .accessToken());
      tokens.put(
          "not yet valid",
          new TokenIssuer(
                  serverKeys(server),
                  issuer.tenantId(),
                  Clock.offset(Clock.systemUTC(), Duration.ofMinutes(15)))
              .issue(Audiences.COGNITIVE_SERVICES, VICTIM, "app", List.of())
              .accessToken());
      tokens.put("tampered payload", tampered);
      tokens.put("truncated", legitimate.substring(0, legitimate.length() - 20));
      tokens.put("header and payload only", parts[0] + "." + parts[1]);
      for (var attack : tokens.entrySet()) {
        var result = http.send("POST", CHAT, HELLO, "Authorization", "Bearer " + attack.getValue());
        assertThat(result.status()).as(attack.getKey()).isEqualTo(401);
        assertThat(result.body()).as(attack.getKey()).startsWith("{\"statusCode\":401,");
      }

      assertThat(http.send("POST", CHAT + "&api-key=" + server.key(), HELLO).status())
          .as("key in the query string")
          .isEqualTo(401);
      assertThat(http.send("POST", CHAT + "&subscription-key=" + server.key(), HELLO).status())
          .as("key as subscription-key")
          .isEqualTo(401);
      assertThat(http.send("POST", CHAT, HELLO, "api-key", "").status())
          .as("empty key")
          .isEqualTo(401);
      assertThat(http.send("POST", CHAT, HELLO, "Authorization", "Bearer").status())
          .as("bearer with nothing")
          .isEqualTo(401);

      String other =
          "/subscriptions/"
              + sub
              + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/other";
      http.send(
          "PUT",
          other + "?api-version=2024-10-01",
          "{\"location\":\"eastus\"}",
          "Authorization",
          "Bearer " + server.server().adminToken());
      String otherKey = control.keys(control.account(sub, "lazurite", "other")).key1();
      URI endpoint = URI.create(server.endpoint());
      var crossResource =
          dev.lazurite.testing.RawHttp.send(
              "127.0.0.1",
              "127.0.0.1",
              endpoint.getPort(),
              null,
              "POST",
              CHAT,
              HELLO,
              "api-key",
              otherKey,
              "Host",
              "lazurite.openai.azure.com");
      assertThat(crossResource.status()).as("key of another resource").isEqualTo(401);

      var oversized =
          http.send(
              "POST", CHAT, HELLO, "api-key", server.key(), "x-padding", "a".repeat(64 * 1024));
      assertThat(oversized.status()).as("oversized headers").isBetween(400, 499);
      var oversizedToken =
          http.send(
              "POST",
              CHAT,
              HELLO,
              "Authorization",
              "Bearer " + legitimate + "." + "A".repeat(20_000));
      assertThat(oversizedToken.status()).as("oversized token").isBetween(400, 499);
    }
  }

  static dev.lazurite.identity.SigningKeys serverKeys(TestingServer server) throws Exception {
    return dev.lazurite.identity.SigningKeys.loadOrCreate(
        server.dataDir().resolve("identity"), Clock.systemUTC());
  }
}
