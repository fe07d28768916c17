package dev.lazurite.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Small JSON values the server hands out and reads back on any instance (authorization codes, the
 * one-time value of a sign-in form): base64url JSON, then an HMAC-SHA256 over the value's purpose
 * and the JSON with a key every instance shares. A value made for one purpose is not valid for
 * another. They are signed, not encrypted: they carry no secrets.
 */
final class SignedValues {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /**
   * @param serverKey a secret every instance shares; the key used is derived from it for this use
   *     alone
   */
  SignedValues(byte[] serverKey) {
    this.key =
        new SecretKeySpec(
            mac(new SecretKeySpec(serverKey, "HmacSHA256"), "lazurite signed values"),
            "HmacSHA256");
  }

  String sign(String purpose, ObjectNode value) {
    String payload = B64.encodeToString(Json.write(value));
    return payload + "." + B64.encodeToString(mac(key, purpose + "|" + payload));
  }

  /** The JSON object of a value signed for {@code purpose}; empty when it is not one. */
  Optional<JsonNode> verify(String purpose, String value) {
    if (value == null || value.length() > 4096) {
      return Optional.empty();
    }
    int dot = value.indexOf('.');
    if (dot <= 0 || dot != value.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = value.substring(0, dot);
    try {
      byte[] signature = D64.decode(value.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(key, purpose + "|" + payload))) {
        return Optional.empty();
      }
      JsonNode node = Json.parse(D64.decode(payload));
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] mac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
