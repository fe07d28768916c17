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
   * Chains an entry: writes the canonical text of the record it becomes at {@code seq} after {@code
   * previousHash}, hashes it, and leaves its JSON line, hash included, in this instance's buffer
   * for {@link #copyLineTo}: the bytes hashed are the bytes written. Data-plane properties are
   * written straight into the buffer; the record keeps the same text.
   */
  AuditRecord chain(String stream, long seq, String previousHash, AuditEntry e) {
    String time = InstantText.of(e.time());
    head(
        stream,
        seq,
        time,
        e.category(),
        e.resourceId(),
        e.operationName(),
        e.resultSignature(),
        e.durationMs(),
        e.callerIpAddress(),
        e.correlationId(),
        e.identity(),
        e.deployment());
    String properties =
        switch (e.properties()) {
          case AuditProperties.Tree tree -> {
            String text = properties(tree.node());
            text(text);
            yield text;
          }
          case DataPlaneProperties typed -> {
            int from = len;
            typed.writeTo(this);
            yield new String(buf, from, len - from, StandardCharsets.UTF_8);
          }
        };
    tail(previousHash);
    String hash = digest(buf, 0, len);
    withHash(hash);
    return new AuditRecord(
        stream,
        seq,
        time,
        e.category(),
        e.resourceId(),
        e.operationName(),
        e.resultSignature(),
        e.durationMs(),
        e.callerIpAddress(),
        e.correlationId(),
        e.identity(),
        e.deployment(),
        properties,
        previousHash,
        hash);
  }

  /** Appends the line left by {@link #chain} and a line break to {@code out}. */
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
    head(
        r.stream(),
        r.seq(),
        r.time(),
        r.category(),
        r.resourceId(),
        r.operationName(),
        r.resultSignature(),
        r.durationMs(),
        r.callerIpAddress(),
        r.correlationId(),
        r.identity(),
        r.deployment());
    text(r.properties());
    tail(r.previousHash());
  }

  /** The canonical text's fields up to the value of {@code properties}, from the start. */
  private void head(
      String stream,
      long seq,
      String time,
      String category,
      String resourceId,
      String operationName,
      String resultSignature,
      long durationMs,
      String callerIpAddress,
      String correlationId,
      String identity,
      String deployment) {
    len = 0;
    raw("{\"stream\":");
    string(stream);
    raw(",\"seq\":");
    number(seq);
    field(",\"time\":", time);
    field(",\"category\":", category);
    field(",\"resourceId\":", resourceId);
    field(",\"operationName\":", operationName);
    field(",\"resultSignature\":", resultSignature);
    raw(",\"durationMs\":");
    number(durationMs);
    field(",\"callerIpAddress\":", callerIpAddress);
    field(",\"correlationId\":", correlationId);
    field(",\"identity\":", identity);
    field(",\"deployment\":", deployment);
    raw(",\"properties\":");
  }

  /** The canonical text's fields after {@code properties}. */
  private void tail(String previousHash) {
    field(",\"previousHash\":", previousHash);
    put('}');
  }

  private void field(String nameAndColon, String value) {
    raw(nameAndColon);
    string(value);
  }

  /** ASCII text without escapes (field names and punctuation). */
  void raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
  }

  void number(long value) {
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

  /** {@code value} (>= 0) in exactly {@code width} digits, zeros in front. */
  void digits(long value, int width) {
    ensure(width);
    for (int i = len + width - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += width;
  }

  /**
   * A string literal of properties, escaped as {@link SortedJson} (and Jackson) escape it: text
   * without control characters, quotes or backslashes is copied as it is.
   */
  void jsonString(String value) {
    int n = value.length();
    ensure(n + 2);
    buf[len] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        escaped.setLength(0);
        SortedJson.string(escaped, value);
        bytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
        return;
      }
      buf[len + 1 + i] = (byte) c;
    }
    buf[len + 1 + n] = '"';
    len += n + 2;
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
