package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM ends {@code lazurite serve} within its grace period, in-flight requests or not. */
@EnabledOnOs(OS.LINUX)
class ShutdownDeadlineTest {
  @Test
  void exitsWithinTheGracePeriodWhileARequestIsStillStreaming(@TempDir Path dir) throws Exception {
    Duration grace = Duration.ofSeconds(2);
    try (var child =
            ChildServer.start(
                dir,
                Map.of(
                    "LAZURITE_SHUTDOWN_GRACE_MS",
                    Long.toString(grace.toMillis()),
                    // a stream of 60 tokens, one a minute: far longer than the grace period
                    "LAZURITE_SIMULATOR_TOKEN_MS",
                    "60000"));
        var socket = new Socket("127.0.0.1", child.port())) {
      String key = child.key();
      String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}";
      socket
          .getOutputStream()
          .write(
              ("POST /openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
                      + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\napi-key: "
                      + key
                      + "\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(30_000);
      byte[] head = new byte[12];
      assertThat(socket.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
      assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

      long signalled = System.nanoTime();
      child.process().destroy();
      boolean exited = child.process().waitFor(grace.toMillis() + 3000, TimeUnit.MILLISECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      System.out.printf(
          "exited %d ms after SIGTERM (grace %d ms)%n", took.toMillis(), grace.toMillis());
      assertThat(exited).isTrue();
      assertThat(took).isLessThan(grace.plusSeconds(2));
    }
  }
}
