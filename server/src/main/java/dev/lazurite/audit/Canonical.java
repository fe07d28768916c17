package dev.lazurite.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical serialization records are hashed over: one JSON object with the fields in a fixed
 * order and {@code properties} with its keys sorted, no white space. A record's JSON line is this
 * text with {@code "hash"} appended, so a line can be checked by hashing what precedes its hash.
 * One instance per thread: it reuses its buffer and digest.
 */
public final class Canonical {
  /** The previous hash of a stream's first record. */
  public static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper SORTED =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
  private static final HexFormat HEX = HexFormat.of();

  private final StringBuilder text = new StringBuilder(512);
  private final MessageDigest sha256;

  public Canonical() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The canonical text of a properties object: keys sorted at every level. */
  public static String properties(JsonNode properties) {
    try {
      return SORTED.writeValueAsString(properties);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("properties cannot be serialized", e);
    }
  }

  /** The hash a record must carry: SHA-256 of its canonical text. */
  public String hash(AuditRecord r) {
    return hashOf(canonical(r));
  }

  /** The record as one JSON line, hash included (no line break). */
  public String line(AuditRecord r) {
    StringBuilder out = canonical(r);
    out.setLength(out.length() - 1);
    out.append(",\"hash\":");
    quote(out, r.hash());
    return out.append('}').toString();
  }

  String hashOf(CharSequence canonical) {
    byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
    return HEX.formatHex(sha256.digest(bytes));
  }

  private StringBuilder canonical(AuditRecord r) {
    StringBuilder out = text;
    out.setLength(0);
    out.append("{\"stream\":");
    quote(out, r.stream());
    out.append(",\"seq\":").append(r.seq());
    field(out, "time", r.time());
    field(out, "category", r.category());
    field(out, "resourceId", r.resourceId());
    field(out, "operationName", r.operationName());
    field(out, "resultSignature", r.resultSignature());
    out.append(",\"durationMs\":").append(r.durationMs());
    field(out, "callerIpAddress", r.callerIpAddress());
    field(out, "correlationId", r.correlationId());
    field(out, "identity", r.identity());
    field(out, "deployment", r.deployment());
    out.append(",\"properties\":").append(r.properties());
    field(out, "previousHash", r.previousHash());
    return out.append('}');
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(",\"").append(name).append("\":");
    quote(out, value);
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static void quote(StringBuilder out, String value) {
    out.append('"');
    if (plain(value)) {
      out.append(value);
      out.append('"');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether a string needs no escape: no quote, backslash or control character. */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
