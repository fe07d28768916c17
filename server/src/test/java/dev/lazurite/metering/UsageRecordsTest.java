package dev.lazurite.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.UsageStore;
import dev.lazurite.testing.TestingServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRecordsTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

  @Test
  void recordsEveryRequestWithItsTokensOffTheHotPath() {
    try (TestingServer server = TestingServer.start()) {
      var http = server.http();
      var plain =
          http.post(
              CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":6}");
      var streamed =
          http.post(
              CHAT,
              "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":4,\"stream\":true}");
      http.post("/openai/deployments/nope/chat/completions?api-version=2024-10-21", "{}");
      assertThat(plain.status()).isEqualTo(200);
      assertThat(streamed.status()).isEqualTo(200);
      server.server().flushUsage();

      List<UsageStore.UsageSummary> summary =
          server.server().store().summarize("lazurite", Instant.EPOCH);
      var gpt4o =
          summary.stream().filter(s -> s.deployment().equals("gpt-4o")).findFirst().orElseThrow();
      assertThat(gpt4o.requests()).isEqualTo(2);
      assertThat(gpt4o.promptTokens()).isEqualTo(16);
      assertThat(gpt4o.completionTokens()).isEqualTo(10);
      assertThat(gpt4o.operation()).isEqualTo("ChatCompletions_Create");
      var failed = summary.stream().filter(s -> s.deployment().isEmpty()).findFirst().orElseThrow();
      assertThat(failed.errors()).isEqualTo(1);
    }
  }

  @Test
  void gracefulShutdownStoresEveryRecord() throws Exception {
    TestingServer server = TestingServer.start();
    var http = server.http();
    for (int i = 0; i < 50; i++) {
      http.post(CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":2}");
    }
    var dataDir = server.dataDir();
    server.close();
    try (var store = new dev.lazurite.store.sqlite.SqliteStore(dataDir.resolve("lazurite.db"))) {
      assertThat(store.usageRecordCount()).isEqualTo(50);
    }
  }

  @Test
  void neverRecordsTheKeyItself() {
    try (TestingServer server = TestingServer.start()) {
      server
          .http()
          .post(CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":2}");
      server.server().flushUsage();
      String callers =
          String.join(
              ",",
              server.server().store().summarize("lazurite", Instant.EPOCH).stream()
                  .map(Object::toString)
                  .toList());
      assertThat(callers).doesNotContain(server.key());
    }
  }

  @Test
  void recordsRequestsRefusedBeforeThePipelineToo() {
    try (TestingServer server = TestingServer.start(c -> c.withMaxBodyBytes(2048))) {
      var http = server.http();
      var unknown = http.post("/openai/deployments/gpt-4o/unknown?api-version=2024-10-21", "{}");
      var oversize = http.post(CHAT, "{\"messages\":\"" + "x".repeat(4096) + "\"}");
      var answered =
          http.post(
              CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":2}");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(oversize.status()).isEqualTo(413);
      assertThat(answered.status()).isEqualTo(200);
      server.server().flushUsage();
      assertThat(server.server().store().usageRecordCount()).isEqualTo(3);
    }
  }
}
