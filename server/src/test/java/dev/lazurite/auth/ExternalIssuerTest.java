package dev.lazurite.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.rbac.BuiltInRoles;
import dev.lazurite.testing.TestingServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A configured external OIDC provider (a Keycloak-style issuer with {@code sub} as principal): its
 * key set is fetched through the allowlist and refetched when it rotates.
 */
class ExternalIssuerTest {
  static final String ISSUER = "https://idp.example.test/realms/corp";
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  static String token(RSAKey key, String audience, String subject) throws Exception {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("azp", "corp-portal")
            .build();
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
  void acceptsTheProvidersTokensFollowsKeyRotationAndRespectsTheAllowlist() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    AtomicInteger fetches = new AtomicInteger();
    HttpServer idp =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    idp.createContext(
        "/keys",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    idp.start();
    String jwks = "http://127.0.0.1:" + idp.getAddress().getPort() + "/keys";
    String trusted =
        "[{\"issuer\":\""
            + ISSUER
            + "\",\"jwksUri\":\""
            + jwks
            + "\",\"audiences\":[\"api://lazurite\"],\"objectIdClaim\":\"sub\"}]";
    try {
      try (TestingServer server =
          TestingServer.start(c -> c, Map.of("LAZURITE_TRUSTED_ISSUERS", trusted)::get)) {
        server
            .server()
            .control()
            .assignRole(
                UUID.randomUUID().toString(),
                "user-42",
                BuiltInRoles.OPENAI_USER.roleName(),
                "/subscriptions/" + server.server().subscriptionId());
        var http = server.http();
        assertThat(
                http.send(
                        "POST",
                        CHAT,
                        HELLO,
                        "Authorization",
                        "Bearer " + token(first, "api://lazurite", "user-42"))
                    .status())
            .isEqualTo(200);
        var denied =
            http.send(
                "POST",
                CHAT,
                HELLO,
                "Authorization",
                "Bearer " + token(first, "api://lazurite", "user-7"));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.json().at("/error/code").asText()).isEqualTo("PermissionDenied");
        assertThat(
                http.send(
                        "POST",
                        CHAT,
                        HELLO,
                        "Authorization",
                        "Bearer " + token(first, "api://other", "user-42"))
                    .status())
            .isEqualTo(401);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(
                http.send(
                        "POST",
                        CHAT,
                        HELLO,
                        "Authorization",
                        "Bearer " + token(stranger, "api://lazurite", "user-42"))
                    .status())
            .isEqualTo(401);

        published.set(new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK())));
        assertThat(
                http.send(
                        "POST",
                        CHAT,
                        HELLO,
                        "Authorization",
                        "Bearer " + token(second, "api://lazurite", "user-42"))
                    .status())
            .as("a new kid makes the key set be fetched again")
            .isEqualTo(200);
      }
      int before = fetches.get();
      var strict =
          Map.of(
              "LAZURITE_TRUSTED_ISSUERS", trusted, "LAZURITE_OUTBOUND_ALLOW_ADMINISTERED", "false");
      try (TestingServer server = TestingServer.start(c -> c, strict::get)) {
        var result =
            server
                .http()
                .send(
                    "POST",
                    CHAT,
                    HELLO,
                    "Authorization",
                    "Bearer " + token(first, "api://lazurite", "user-42"));
        assertThat(result.status()).isEqualTo(401);
        assertThat(fetches.get())
            .as("a key set outside the allowlist is never fetched")
            .isEqualTo(before);
      }
    } finally {
      idp.stop(0);
    }
  }
}
