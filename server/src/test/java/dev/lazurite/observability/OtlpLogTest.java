package dev.lazurite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lazurite.config.AuditConfig;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audit records and captures reach an OTLP/HTTP log receiver the test runs, as log records whose
 * attributes carry Azure's diagnostic-log field names; no key reaches it.
 */
class OtlpLogTest {
  static HttpServer receiver;
  static final List<byte[]> exports = new CopyOnWriteArrayList<>();
  static final List<String> contentTypes = new CopyOnWriteArrayList<>();
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
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    URI endpoint = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
    server =
        TestingServer.start(
            c -> c.withAudit(new AuditConfig(true, 0, 1000, Optional.of(endpoint))));
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.stop(0);
  }

  @Test
  void aDataPlaneCallYieldsAnAuditLogRecordAndItsCapture() {
    var set =
        new TestingHttp(server.endpoint(), "")
            .send(
                "PUT",
                "/lazurite/capture/accounts/lazurite/deployments/gpt-4o",
                "{\"enabled\":true}",
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    var answer =
        server
            .http()
            .send(
                "POST",
                "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Log me\"}],\"max_tokens\":3}",
                "api-key",
                server.key());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = answer.header("apim-request-id");
    server.server().flushAudit();
    server.server().flushCaptures();
    server.server().auditExport().orElseThrow().flush();
    assertThat(exports).isNotEmpty();
    assertThat(contentTypes).allMatch(t -> t.startsWith("application/x-protobuf"));
    var all = new ByteArrayOutputStream();
    exports.forEach(all::writeBytes);
    String text = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
    assertThat(text)
        .contains("time")
        .contains("resourceId")
        .contains("category")
        .contains("Audit")
        .contains("RequestResponse")
        .contains("operationName")
        .contains("ChatCompletions_Create")
        .contains("resultSignature")
        .contains("durationMs")
        .contains("correlationId")
        .contains(id)
        .contains("Log me")
        .doesNotContain(server.key())
        .doesNotContain(server.server().adminToken());
  }
}
