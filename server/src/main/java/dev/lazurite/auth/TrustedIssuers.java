package dev.lazurite.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * External identity providers whose tokens the data plane accepts (a real Entra ID tenant,
 * Keycloak, any OIDC provider), configured as {@code LAZURITE_TRUSTED_ISSUERS}: a JSON array of
 * {@code {"issuer", "jwksUri", "audiences": [...], "objectIdClaim": "oid", "groupsClaim":
 * "groups"}}. Key sets are fetched through the outbound allowlist, cached, and fetched again when a
 * token names a key id the cache lacks (key rotation).
 */
public final class TrustedIssuers {
  private static final int MAX_JWKS_BYTES = 512 * 1024;

  private TrustedIssuers() {}

  public static List<TokenValidator.Trust> parse(String json, OutboundHttp outbound) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = Json.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("LAZURITE_TRUSTED_ISSUERS is not valid JSON", e);
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("LAZURITE_TRUSTED_ISSUERS must be a JSON array");
    }
    List<TokenValidator.Trust> trusts = new ArrayList<>();
    for (JsonNode entry : list) {
      String issuer = required(entry, "issuer");
      URI jwks;
      try {
        jwks = new URI(required(entry, "jwksUri"));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("jwksUri of " + issuer + " is not a URI", e);
      }
      Set<String> audiences = new HashSet<>();
      entry.path("audiences").forEach(a -> audiences.add(a.asText()));
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException("trusted issuer " + issuer + " names no audiences");
      }
      try {
        var keys =
            JWKSourceBuilder.<SecurityContext>create(
                    jwks.toURL(),
                    url -> {
                      try {
                        byte[] body = outbound.getAdministered(url.toURI(), MAX_JWKS_BYTES);
                        return new Resource(
                            new String(body, StandardCharsets.UTF_8), "application/json");
                      } catch (URISyntaxException e) {
                        throw new IOException(e);
                      } catch (RuntimeException e) {
                        throw new IOException("JWKS fetch refused: " + e.getMessage(), e);
                      }
                    })
                .build();
        trusts.add(
            new TokenValidator.Trust(
                issuer,
                keys,
                audiences,
                entry.path("objectIdClaim").asText("oid"),
                entry.path("groupsClaim").asText("groups")));
      } catch (IOException e) {
        throw new IllegalArgumentException("jwksUri of " + issuer + " is not a URL", e);
      }
    }
    return trusts;
  }

  private static String required(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("each trusted issuer needs '" + field + "'");
    }
    return value.asText();
  }
}
