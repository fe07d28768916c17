package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.config.AuditConfig;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the Trace category on, the JSON-lines file sink on and an OTLP log endpoint configured, each
 * data-plane request's Trace record reaches all three sinks, as the Audit records do: the store, a
 * {@code trace-<stream>.jsonl} file beside the audit file (which still verifies), and the OTLP
 * receiver this test runs. No key reaches any of them.
 */
class TraceSinksTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  static HttpServer receiver;
  static final List<byte[]> exports = new CopyOnWriteArrayList<>();
  static TestingServer server;

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/v1/logs",
        exchange -> {
          var body = new ByteArrayOutputStream();
          exchange.getRequestBody().transferTo(body);
          exports.add(body.toByteArray());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    URI endpoint = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
    server =
        TestingServer.start(
            c ->
                c.withAudit(
                    new AuditConfig(true, 0, 1000, Optional.of(endpoint))
                        .withTrace(Duration.ofHours(1))));
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.stop(0);
  }

  private static String chat() {
    var answer =
        server
            .http()
            .send(
                "POST",
                CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Trace me\"}],\"max_tokens\":3}",
                "api-key",
                server.key(),
                "traceparent",
                "00-" + TRACE_ID + "-b7ad6b7169203331-01");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.header("apim-request-id");
  }

  private static List<JsonNode> traceFileLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    try (var files = Files.list(server.dataDir().resolve("audit"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("trace-")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          lines.add(Json.MAPPER.readTree(line));
        }
      }
    }
    return lines;
  }

  @Test
  void aRequestsTraceRecordIsWrittenToTheJsonLinesFile() throws Exception {
    String id = chat();
    server.server().traces().orElseThrow().flush();
    JsonNode record =
        traceFileLines().stream()
            .filter(r -> r.path("correlationId").asText().equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Trace line for " + id));
    assertThat(record.path("category").asText()).isEqualTo("Trace");
    assertThat(record.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
    assertThat(record.path("resultSignature").asText()).isEqualTo("200");
    assertThat(record.path("properties").path("traceId").asText()).isEqualTo(TRACE_ID);
    assertThat(record.path("properties").path("stages")).isNotEmpty();
    assertThat(record.path("properties").path("backendAttempts")).isNotEmpty();
    assertThat(record.toString()).doesNotContain(server.key());
  }

  @Test
  void theAuditFilesStillVerifyBesideTheTraceFile() throws Exception {
    chat();
    server.server().flushAudit();
    server.server().traces().orElseThrow().flush();
    assertThat(traceFileLines()).isNotEmpty();
    var admin =
        server
            .http()
            .send(
                "GET",
                "/lazurite/audit/verify?sink=file",
                null,
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    JsonNode verified = Json.MAPPER.readTree(admin.body());
    assertThat(verified.path("intact").asBoolean()).as(admin.body()).isTrue();
    assertThat(verified.path("streams")).hasSize(1);
  }

  @Test
  void aRequestsTraceRecordReachesTheOtlpLogReceiver() throws Exception {
    String id = chat();
    server.server().traces().orElseThrow().flush();
    server.server().auditExport().orElseThrow().flush();
    var all = new ByteArrayOutputStream();
    exports.forEach(all::writeBytes);
    String text = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
    assertThat(text)
        .contains("Trace")
        .contains(id)
        .contains(TRACE_ID)
        .contains("backendAttempts")
        .doesNotContain(server.key())
        .doesNotContain(server.server().adminToken());
  }
}
