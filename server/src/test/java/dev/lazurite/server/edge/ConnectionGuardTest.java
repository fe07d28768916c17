package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.config.HttpLimits;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idle, slow and too many connections are closed or shed, and the listener keeps serving. */
class ConnectionGuardTest {
  private static final Duration IDLE = Duration.ofMillis(600);
  private static final Duration HEADERS = Duration.ofMillis(500);

  private static TestingServer server;

  @BeforeAll
  static void startServer() {
    server = start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static TestingServer start(int maxConnections) {
    return TestingServer.start(
        c ->
            c.withHttpLimits(new HttpLimits(IDLE, HEADERS, Duration.ofSeconds(2), maxConnections)));
  }

  @Test
  void closesSlowlorisAfterTheHeaderTimeout() throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      client.send("GET /healthz HTTP/1.1\r\n");
      long started = System.nanoTime();
      boolean open = true;
      for (int i = 0; i < 50 && open; i++) {
        Thread.sleep(100);
        try {
          client.send("X-Trickle-" + i + ": a\r\n");
        } catch (java.io.IOException e) {
          open = false;
        }
      }
      var closed = client.readUntilClosed(Duration.ofSeconds(3));
      Duration after = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf("slowloris closed after %d ms%n", after.toMillis());
      assertThat(closed.statuses()).isEmpty();
      assertThat(after).isBetween(HEADERS, HEADERS.plusSeconds(2));
    }
  }

  @Test
  void closesIdleKeepAliveConnectionAfterTheIdleTimeout() throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(client.readOneResponse()).startsWith("HTTP/1.1 200");
      var closed = client.readUntilClosed(Duration.ofSeconds(5));
      System.out.printf("idle keep-alive closed after %d ms%n", closed.after().toMillis());
      assertThat(closed.text()).isEmpty();
      assertThat(closed.after()).isBetween(IDLE.minusMillis(100), IDLE.plusSeconds(2));
    }
  }

  @Test
  void closesConnectionThatNeverSendsAByte() throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      var closed = client.readUntilClosed(Duration.ofSeconds(5));
      assertThat(closed.after()).isBetween(IDLE.minusMillis(100), IDLE.plusSeconds(2));
    }
  }

  @Test
  void refusesABodyThatTrickles() throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      client.send(
          "POST /lazurite/identity/groups HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
              + server.server().adminToken()
              + "\r\nContent-Length: 100\r\n\r\n{");
      for (int i = 0; i < 40; i++) {
        Thread.sleep(100);
        client.sendQuietly(new byte[] {' '});
      }
      var closed = client.readUntilClosed(Duration.ofSeconds(5));
      assertThat(closed.statuses()).containsAnyOf(408).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void shedsConnectionsOverTheLimitAndServesAgainOnceTheyLeave() throws Exception {
    try (var limited = start(4)) {
      List<RawHttp> held = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          var client = new RawHttp(limited.endpoint());
          client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
          assertThat(client.readOneResponse()).startsWith("HTTP/1.1 200");
          held.add(client);
        }
        try (var extra = new RawHttp(limited.endpoint())) {
          var shed =
              extra
                  .sendQuietly("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes())
                  .readUntilClosed(Duration.ofSeconds(3));
          assertThat(shed.statuses()).containsExactly(503);
          assertThat(shed.text()).contains("\"code\":\"ServiceUnavailable\"");
        }
        assertThat(limited.server().connections().shedConnections()).isPositive();
      } finally {
        for (RawHttp client : held) {
          client.close();
        }
      }
      Thread.sleep(200);
      try (var client = new RawHttp(limited.endpoint())) {
        client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(client.readOneResponse()).startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void reportsEveryListenerInReadiness() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.endpoint() + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"status\":\"ok\"")
          .contains("\"name\":\"http\",\"port\":" + URI.create(server.endpoint()).getPort())
          .contains("\"name\":\"https\"")
          .contains("\"status\":\"serving\"")
          .contains("\"connections\":{");
    }
  }
}
