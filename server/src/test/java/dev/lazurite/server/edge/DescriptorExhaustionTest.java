package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server in a child process with a low file-descriptor limit ({@code prlimit}), flooded with idle
 * connections: with the limit derived from the descriptors it sheds and never dies; forced past its
 * descriptors, its listener dies in Helidon and is restarted once the clients leave.
 */
@EnabledOnOs(OS.LINUX)
class DescriptorExhaustionTest {
  private static final int DESCRIPTORS = ChildServer.DESCRIPTORS;

  @Test
  void restartsTheListenerAfterDescriptorsRunOut(@TempDir Path dir) throws Exception {
    try (var child = ChildServer.start(dir, Map.of("LAZURITE_HTTP_MAX_CONNECTIONS", "100000"))) {
      List<Socket> held = new ArrayList<>();
      try {
        boolean refused = false;
        while (!refused && held.size() < DESCRIPTORS * 3) {
          try {
            var socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", child.port()), 2000);
            held.add(socket);
          } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
            // Refused, or reset during the handshake: either way the listener takes no more.
            refused = true;
          }
        }
        // Three times its descriptors: it ran out, whether the kernel then refused, reset or
        // queued the rest (that depends on the accept backlog).
        System.out.printf(
            "%d connections opened, refused: %s%n", held.size(), refused ? "yes" : "no");
        assertThat(held.size()).isGreaterThan(DESCRIPTORS / 2);
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
      long released = System.nanoTime();
      String health = child.awaitHealthy(Duration.ofSeconds(30)).orElseThrow();
      System.out.printf(
          "listener answered again %d ms after the connections were released%n",
          (System.nanoTime() - released) / 1_000_000);
      assertThat(health).contains("\"name\":\"http\"").doesNotContain("\"restarts\":0");
      assertThat(child.log()).contains("stopped accepting connections; restarting it");
    }
  }

  @Test
  void shedsInsteadOfRunningOutWithTheLimitDerivedFromDescriptors(@TempDir Path dir)
      throws Exception {
    try (var child = ChildServer.start(dir, Map.of())) {
      List<Socket> held = new ArrayList<>();
      int shed = 0;
      try {
        for (int i = 0; i < DESCRIPTORS + 200; i++) {
          var socket = new Socket();
          socket.connect(new InetSocketAddress("127.0.0.1", child.port()), 5000);
          held.add(socket);
        }
        // The last ones arrive when the limit is taken: each is answered 503 and closed.
        for (Socket socket : held.subList(held.size() - 20, held.size())) {
          socket.setSoTimeout(20_000);
          byte[] answer = socket.getInputStream().readAllBytes();
          if (new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1)
              .startsWith("HTTP/1.1 503")) {
            shed++;
          }
        }
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
      assertThat(shed).isEqualTo(20);
      String health = child.awaitHealthy(Duration.ofSeconds(30)).orElseThrow();
      System.out.printf("after %d connections: %s%n", DESCRIPTORS + 200, health);
      assertThat(health).contains("\"restarts\":0").doesNotContain("\"shed\":0");
    }
  }
}
