package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The canonical serialization records are hashed over: one JSON object with the fields in a fixed
 * order and {@code properties} with its keys sorted, no white space, UTF-8. A record's JSON line is
 * this text with {@code "hash"} appended, so a line can be checked by hashing what precedes its
 * hash. One instance per thread: it writes into one reused buffer and hashes with one digest.
 */
public final class Canonical {
  /** The previous hash of a stream's first record. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HASH_FIELD = ascii(",\"hash\":\"");

  private final MessageDigest sha256;
  private final StringBuilder escaped = new StringBuilder(64);
  private byte[] buf = new byte[1024];
  private int len;

  public Canonical() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The canonical text of a properties object: keys sorted at every level. */
  public static String properties(JsonNode properties) {
    return SortedJson.write(properties);
  }

  /** The hash a record must carry: SHA-256 of its canonical text. */
  public String hash(AuditRecord r) {
    canonical(r);
    return digest(buf, 0, len);
  }

  /** The record as one JSON line, hash included (no line break). */
  public String line(AuditRecord r) {
    canonical(r);
    withHash(r.hash());
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /**
   * Hashes an unhashed record and leaves its JSON line, hash included, in this instance's buffer
   * for {@link #copyLineTo}: the bytes hashed are the bytes written.
   *
   * @return the record's hash
   */
  String hashForLine(AuditRecord unhashed) {
    canonical(unhashed);
    String hash = digest(buf, 0, len);
    withHash(hash);
    return hash;
  }

  /** Appends the line left by {@link #hashForLine} and a line break to {@code out}. */
  void copyLineTo(ByteArrayOutputStream out) {
    out.write(buf, 0, len);
    out.write('\n');
  }

  /**
   * The hash of a record's JSON line: SHA-256 of the line's UTF-8 bytes before {@code hashAt}
   * (where its {@code ,"hash":} field starts), followed by the closing brace.
   */
  String hashOfLine(byte[] line, int hashAt) {
    sha256.update(line, 0, hashAt);
    sha256.update((byte) '}');
    return HEX.formatHex(sha256.digest());
  }

  /** Where the last {@code ,"hash":"} of a UTF-8 line starts, -1 when it has none. */
  static int hashFieldAt(byte[] line) {
    outer:
    for (int i = line.length - HASH_FIELD.length; i >= 0; i--) {
      for (int j = 0; j < HASH_FIELD.length; j++) {
        if (line[i + j] != HASH_FIELD[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private String digest(byte[] bytes, int from, int to) {
    sha256.update(bytes, from, to - from);
    return HEX.formatHex(sha256.digest());
  }

  private void withHash(String hash) {
    len--; // the closing brace
    raw(",\"hash\":");
    string(hash);
    put('}');
  }

  private void canonical(AuditRecord r) {
    len = 0;
    raw("{\"stream\":");
    string(r.stream());
    raw(",\"seq\":");
    number(r.seq());
    field(",\"time\":", r.time());
    field(",\"category\":", r.category());
    field(",\"resourceId\":", r.resourceId());
    field(",\"operationName\":", r.operationName());
    field(",\"resultSignature\":", r.resultSignature());
    raw(",\"durationMs\":");
    number(r.durationMs());
    field(",\"callerIpAddress\":", r.callerIpAddress());
    field(",\"correlationId\":", r.correlationId());
    field(",\"identity\":", r.identity());
    field(",\"deployment\":", r.deployment());
    raw(",\"properties\":");
    text(r.properties());
    field(",\"previousHash\":", r.previousHash());
    put('}');
  }

  private void field(String nameAndColon, String value) {
    raw(nameAndColon);
    string(value);
  }

  /** ASCII text without escapes (field names and punctuation). */
  private void raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
  }

  private void number(long value) {
    if (value < 0) {
      raw(Long.toString(value));
      return;
    }
    ensure(20);
    int digits = 1;
    for (long v = value / 10; v > 0; v /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += digits;
  }

  /** Text copied as it is, in UTF-8 (the properties' canonical JSON). */
  private void text(String value) {
    int n = value.length();
    ensure(n);
    int i = 0;
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buf[len + i] = (byte) c;
    }
    if (i == n) {
      len += n;
      return;
    }
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  private void string(String value) {
    int n = value.length();
    ensure(n + 2);
    buf[len] = '"';
    int i = 0;
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        break;
      }
      buf[len + 1 + i] = (byte) c;
    }
    if (i == n) {
      buf[len + 1 + n] = '"';
      len += n + 2;
      return;
    }
    escaped.setLength(0);
    quote(escaped, value);
    bytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static void quote(StringBuilder out, String value) {
    out.append('"');
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

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
