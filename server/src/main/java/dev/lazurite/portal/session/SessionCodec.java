package dev.lazurite.portal.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A session as a cookie value: its fields as JSON, then an HMAC-SHA256 over them with the key every
 * instance on the store shares, so that any instance reads a session another one issued and nobody
 * without the key can make or alter one. Also derives each session's CSRF token from the same key.
 */
final class SessionCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  SessionCodec(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the session key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  String encode(Session session) {
    ObjectNode node = JSON.createObjectNode();
    node.put("sid", session.id());
    node.put("exp", session.expiresAt().getEpochSecond());
    switch (session.principal()) {
      case PortalPrincipal.Anonymous a -> node.put("kind", "anonymous");
      case PortalPrincipal.Admin a -> node.put("kind", "admin");
      case PortalPrincipal.User u -> {
        node.put("kind", "user");
        node.put("oid", u.objectId());
        node.put("name", u.name());
        var groups = node.putArray("groups");
        u.groups().forEach(groups::add);
      }
    }
    String payload = B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    return payload + "." + B64.encodeToString(mac("session|" + payload));
  }

  /** The session in {@code value}, when it is well formed and signed with this key. */
  Optional<Session> decode(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0 || dot != value.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = value.substring(0, dot);
    try {
      byte[] signature = D64.decode(value.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac("session|" + payload))) {
        return Optional.empty();
      }
      JsonNode node = JSON.readTree(D64.decode(payload));
      PortalPrincipal principal =
          switch (node.path("kind").asText()) {
            case "admin" -> new PortalPrincipal.Admin();
            case "user" -> {
              Set<String> groups = new HashSet<>();
              node.path("groups").forEach(g -> groups.add(g.asText()));
              yield new PortalPrincipal.User(
                  node.path("oid").asText(), node.path("name").asText(), groups);
            }
            default -> new PortalPrincipal.Anonymous();
          };
      return Optional.of(
          new Session(
              node.path("sid").asText(),
              principal,
              Instant.ofEpochSecond(node.path("exp").asLong())));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The CSRF token of a session: bound to its id, so a rotated session needs a new one. */
  String csrfToken(Session session) {
    return B64.encodeToString(mac("csrf|" + session.id()));
  }

  /** A value bound to a session for one purpose, as 43 base64url characters. */
  String derive(String purpose, String sessionId) {
    return B64.encodeToString(mac(purpose + "|" + sessionId));
  }

  private byte[] mac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
