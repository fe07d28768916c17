package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.Test;

/**
 * Headers over 16 KiB get a 431 in Azure's envelope, read whole first, so the client always gets
 * the answer instead of a reset connection; headers under the limit are served.
 */
class HeaderLimitTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

  @Test
  void oversizedHeadersGetA431EveryTime() {
    try (TestingServer server = TestingServer.start()) {
      var http = server.http();
      for (int i = 0; i < 5; i++) {
        var refused =
            http.send(
                "POST", CHAT, HELLO, "api-key", server.key(), "x-padding", "a".repeat(64 * 1024));
        assertThat(refused.status()).isEqualTo(431);
        assertThat(refused.body()).contains("\"code\":\"RequestHeaderFieldsTooLarge\"");
        assertThat(refused.body()).doesNotContain("aaaa");
      }
      var served =
          http.send("POST", CHAT, HELLO, "api-key", server.key(), "x-padding", "a".repeat(8_000));
      assertThat(served.status()).isEqualTo(200);
    }
  }
}
