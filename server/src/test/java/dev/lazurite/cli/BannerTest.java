package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serve banner shows the key to a terminal only; a log gets the way to print it. */
class BannerTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTerminalSeesTheKeyAndACurlLineWithIt() {
    String banner = Banner.text(server.server(), true);
    assertThat(banner).contains("api-key:   " + server.key());
    assertThat(banner).contains("-H \"api-key: " + server.key() + "\"");
    assertThat(banner).contains(server.endpoint() + "/openai/deployments/gpt-4o/chat/completions");
  }

  @Test
  void aLogOrPipeSeesHowToPrintTheKeyButNeverTheKey() {
    String banner = Banner.text(server.server(), false);
    assertThat(banner).doesNotContain(server.key());
    assertThat(banner).doesNotContain(server.server().defaultKeys().key2());
    assertThat(banner)
        .contains("lazurite keys list --data-dir '" + server.dataDir().toAbsolutePath() + "'");
    assertThat(banner).contains("-H \"api-key: $(lazurite keys list");
    assertThat(banner).contains("--query key1 -o tsv)");
  }

  @Test
  void testsRunWithoutATerminalSoServeWouldHideTheKeyHere() {
    assertThat(Terminal.interactive()).isFalse();
  }
}
