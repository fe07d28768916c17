package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is the one stored logs were hashed over: these texts and this hash were
 * written by the earlier string-building serializer, so a record stored before still verifies.
 */
class CanonicalTest {
  private static final String PROPERTIES =
      "{\"a\":1.5,\"arr\":[3,{\"k1\":1.10,\"k2\":\"v\"}],\"b\":true,\"m\":12345678901,\"n\":null,"
          + "\"o\":{\"x\":1,\"y\":\"2\"},\"z\":\"\u00fc \\\"q\\\"\\n\\b\\f\\u0001 \ud83d\ude00"
          + " \u00e9\"}";
  private static final String HASH =
      "38f421b22fac1e3dc4d60a649943319b7019d7ed47386445690166c3c2f4efbe";
  private static final String LINE =
      "{\"stream\":\"s\\u0001\",\"seq\":7,\"time\":\"2026-12-05T10:00:00.123Z\","
          + "\"category\":\"Audit\",\"resourceId\":\"/sub/\u00fc\",\"operationName\":\"Op\\\\x\","
          + "\"resultSignature\":\"200\",\"durationMs\":-5,\"callerIpAddress\":\"1.2.3.4\","
          + "\"correlationId\":\"req\\t1\",\"identity\":\"a/\\\"key1\\\"\",\"deployment\":\"d\\r\","
          + "\"properties\":"
          + PROPERTIES
          + ",\"previousHash\":\""
          + Canonical.GENESIS
          + "\",\"hash\":\""
          + HASH
          + "\"}";

  private static ObjectNode properties() {
    var p = JsonNodeFactory.instance.objectNode();
    p.put("z", "\u00fc \"q\"\n\b\f\u0001 \ud83d\ude00 \u00e9");
    p.put("a", 1.5).put("m", 12345678901L).put("b", true).putNull("n");
    p.putObject("o").put("y", "2").put("x", 1);
    p.putArray("arr").add(3).addObject().put("k2", "v").put("k1", new BigDecimal("1.10"));
    return p;
  }

  private static AuditRecord record(String hash) {
    return new AuditRecord(
        "s\u0001",
        7,
        "2026-12-05T10:00:00.123Z",
        "Audit",
        "/sub/\u00fc",
        "Op\\x",
        "200",
        -5,
        "1.2.3.4",
        "req\t1",
        "a/\"key1\"",
        "d\r",
        PROPERTIES,
        Canonical.GENESIS,
        hash);
  }

  @Test
  void theCanonicalTextAndHashAreThoseOfStoredLogs() {
    assertThat(Canonical.properties(properties())).isEqualTo(PROPERTIES);
    var canonical = new Canonical();
    assertThat(canonical.hash(record(""))).isEqualTo(HASH);
    assertThat(canonical.line(record(HASH))).isEqualTo(LINE);
    var entry =
        new AuditEntry(
            Instant.parse("2026-12-05T10:00:00.123Z"),
            "Audit",
            "/sub/\u00fc",
            "Op\\x",
            "200",
            -5,
            "1.2.3.4",
            "req\t1",
            "a/\"key1\"",
            "d\r",
            properties());
    assertThat(canonical.chain("s\u0001", 7, Canonical.GENESIS, entry)).isEqualTo(record(HASH));
    var out = new ByteArrayOutputStream();
    canonical.copyLineTo(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(LINE + "\n");
  }

  @Test
  void aLineHashesAsItsRecord() {
    Link link = Link.ofLine(LINE, new Canonical(), 1);
    assertThat(link.computedHash()).isEqualTo(HASH);
    assertThat(link.hash()).isEqualTo(HASH);
    assertThat(link.seq()).isEqualTo(7);
  }

  @Test
  void sortedPropertiesAreJacksonsSortedText() throws Exception {
    var jackson = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      every.append(c);
    }
    var p = JsonNodeFactory.instance.objectNode();
    p.put("text", every.toString())
        .put("lone", "\ud83d x")
        .put("neg", -42)
        .put("big", Long.MIN_VALUE);
    p.put("B", "upper").put("\u00e9", "accent").put("", "empty").putNull("null");
    p.putArray("list").add("x").addObject().put("b", 1).put("a", false);
    p.putObject("nested").putObject("deeper").put("z", 1).put("y", 2);
    JsonNode node = jackson.readTree(jackson.writeValueAsString(p));
    assertThat(Canonical.properties(p)).isEqualTo(jackson.writeValueAsString(p));
    assertThat(Canonical.properties(node)).isEqualTo(jackson.writeValueAsString(node));
  }

  @Test
  void instantsReadAsInstantToString() {
    for (String t :
        new String[] {
          "2026-12-05T10:00:00Z",
          "2026-12-05T10:00:00.100Z",
          "2026-12-05T23:59:59.000001Z",
          "2024-02-29T00:00:00.123456789Z",
          "1970-01-01T00:00:00.010Z",
          "1000-01-01T00:00:00Z",
          "0999-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z",
          "-0001-01-01T00:00:00Z"
        }) {
      Instant instant = Instant.parse(t);
      assertThat(InstantText.of(instant)).isEqualTo(instant.toString()).isEqualTo(t);
    }
    Instant now = Instant.now();
    assertThat(InstantText.of(now)).isEqualTo(now.toString());
  }
}
