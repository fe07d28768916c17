package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.config.AuditConfig;
import dev.lazurite.config.ConfigLoader;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Trace category is off unless {@code LAZURITE_TRACE_LOG=on}: no listener on the request path,
 * nothing kept, and {@code category=Trace} lists nothing.
 */
class TraceOffTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

  static AuditConfig load(Map<String, String> environment) throws IOException {
    return ConfigLoader.load(Map.of("dataDir", "/tmp/x"), environment, Optional.empty()).audit();
  }

  @Test
  void offByDefaultOnWhenTheSettingSaysSo() throws IOException {
    assertThat(AuditConfig.DEFAULT.traceLog()).isFalse();
    assertThat(load(Map.of()).traceLog()).isFalse();
    assertThat(load(Map.of()).traceRetention()).isEqualTo(Duration.ofHours(1));
    var on = load(Map.of("LAZURITE_TRACE_LOG", "on", "LAZURITE_TRACE_RETENTION_S", "600"));
    assertThat(on.traceLog()).isTrue();
    assertThat(on.traceRetention()).isEqualTo(Duration.ofMinutes(10));
    assertThat(load(Map.of("LAZURITE_TRACE_LOG", "off")).traceLog()).isFalse();
    assertThatThrownBy(() -> load(Map.of("LAZURITE_TRACE_LOG", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LAZURITE_TRACE_LOG");
    assertThatThrownBy(
            () -> load(Map.of("LAZURITE_TRACE_LOG", "on", "LAZURITE_TRACE_RETENTION_S", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withTheSettingOffNothingIsTracedAndTheListIsEmpty() {
    try (var server = TestingServer.start()) {
      assertThat(server.server().traces()).isEmpty();
      var body = Json.MAPPER.createObjectNode();
      body.putArray("messages")
          .addObject()
          .put("role", "user")
          .put("content", "Write a short note for the team.");
      var answer = server.http().send("POST", CHAT, body.toString(), "api-key", server.key());
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      var list =
          server
              .http()
              .send(
                  "GET",
                  "/lazurite/audit/records?category=Trace",
                  null,
                  "Authorization",
                  "Bearer " + server.server().adminToken());
      assertThat(list.status()).as(list.body()).isEqualTo(200);
      assertThat(list.body()).isEqualTo("{\"value\":[]}");
      var metrics =
          server
              .http()
              .send(
                  "GET",
                  "/metrics",
                  null,
                  "Authorization",
                  "Bearer " + server.server().adminToken());
      assertThat(metrics.body()).doesNotContain("lazurite_trace_records");
    }
  }
}
