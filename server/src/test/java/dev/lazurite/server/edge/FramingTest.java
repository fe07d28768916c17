package dev.lazurite.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broken and refused request bodies get one answer and a closed connection: nothing after them on
 * the connection is read as a request.
 */
class FramingTest {
  private static final String CHAT =
      "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  private static final String SMUGGLED = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  private static final Duration PROMPTLY = Duration.ofSeconds(5);
  private static final int LIMIT = 4096;

  private static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start(c -> c.withMaxBodyBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String chunked(String path, String chunks) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: x\r\napi-key: "
        + server.key()
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunks;
  }

  private static RawHttp.Closed exchange(String request) throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      return client
          .sendQuietly(request.getBytes(StandardCharsets.ISO_8859_1))
          .readUntilClosed(PROMPTLY);
    }
  }

  @Test
  void rejectsChunkSizeThatIsNotHexOnceAndCloses() throws Exception {
    var closed = exchange(chunked(CHAT, "zz\r\nhello\r\n0\r\n\r\n" + SMUGGLED));
    assertThat(closed.statuses()).containsExactly(400);
    assertThat(closed.text()).contains("Connection: close", "\"error\"");
  }

  @Test
  void rejectsNegativeChunkSizeOnceAndClosesPromptly() throws Exception {
    var closed = exchange(chunked(CHAT, "-5\r\nhello\r\n0\r\n\r\n" + SMUGGLED));
    assertThat(closed.statuses()).containsExactly(400);
    assertThat(closed.after()).isLessThan(PROMPTLY);
  }

  @Test
  void rejectsOverlongChunkSizeOnceAndClosesPromptly() throws Exception {
    var closed = exchange(chunked(CHAT, "fffffffffffffffffffff\r\nhello\r\n" + SMUGGLED));
    assertThat(closed.statuses()).containsExactly(400);
    assertThat(closed.after()).isLessThan(PROMPTLY);
  }

  @Test
  void answersDeclaredOverLimitBodyWithOne413AndParsesNothingOfItsRest() throws Exception {
    String rest = (SMUGGLED.repeat(LIMIT / SMUGGLED.length() + 20));
    var closed =
        exchange(
            "POST "
                + CHAT
                + " HTTP/1.1\r\nHost: x\r\napi-key: "
                + server.key()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + rest.length()
                + "\r\n\r\n"
                + rest);
    assertThat(closed.statuses()).containsExactly(413);
    assertThat(closed.text()).contains("Connection: close", "request_too_large");
  }

  /**
   * A client still sending its over-limit body when the 413 is written receives it: the rest of the
   * body is read and dropped before the connection closes, so the close does not reset the
   * connection under the answer.
   */
  @Test
  void aClientStillSendingItsOverLimitBodyReceivesThe413() throws Exception {
    URI uri = URI.create(server.endpoint());
    byte[] body = "x".repeat(LIMIT * 16).getBytes(StandardCharsets.ISO_8859_1);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + CHAT
                  + " HTTP/1.1\r\nHost: x\r\napi-key: "
                  + server.key()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread.sleep(300);
      out.write(body);
      out.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void answersChunkedOverLimitBodyWithOne413AndParsesNothingOfItsRest() throws Exception {
    String chunk = "a".repeat(1000);
    String chunks = ("3e8\r\n" + chunk + "\r\n").repeat(6) + SMUGGLED.repeat(10);
    var closed = exchange(chunked(CHAT, chunks));
    assertThat(closed.statuses()).containsExactly(413);
  }

  @Test
  void answersOverLimitArmBodyIn413WithArmsEnvelope() throws Exception {
    String body = "{\"x\":\"" + "a".repeat(LIMIT) + "\"}";
    var closed =
        exchange(
            "PUT /subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a"
                + "?api-version=2024-10-01 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + server.server().adminToken()
                + "\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body
                + SMUGGLED);
    assertThat(closed.statuses()).containsExactly(413);
    assertThat(closed.text()).contains("{\"error\":{\"code\":\"RequestEntityTooLarge\"");
  }

  @Test
  void drainsABodyItsHandlerLeftUnreadAsBodyAndKeepsTheConnection() throws Exception {
    String body = SMUGGLED.repeat(3);
    try (var client = new RawHttp(server.endpoint())) {
      client.send(
          "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n"
              + body
              + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(client.readUntilClosed(PROMPTLY).statuses()).containsExactly(404, 200);
    }
  }

  @Test
  void closesWhenABodyItsHandlerLeftUnreadIsMalformed() throws Exception {
    var closed =
        exchange(
            "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
                + SMUGGLED);
    assertThat(closed.statuses()).hasSize(1);
    assertThat(closed.after()).isLessThan(PROMPTLY);
  }

  @Test
  void answersHttp10AndCloses() throws Exception {
    var closed = exchange("GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n");
    assertThat(closed.statuses()).containsExactly(200);
    assertThat(closed.text()).contains("\"status\":\"ok\"");
    assertThat(closed.after()).isLessThan(PROMPTLY);
  }

  @Test
  void answersHttp10WithoutHostAndCloses() throws Exception {
    var closed = exchange("GET /healthz HTTP/1.0\r\n\r\n");
    assertThat(closed.statuses()).hasSize(1);
  }

  @Test
  void honoursConnectionClose() throws Exception {
    var closed =
        exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + SMUGGLED);
    assertThat(closed.statuses()).containsExactly(200);
    assertThat(closed.after()).isLessThan(PROMPTLY);
  }

  @Test
  void answersMalformedRequestLineInAzuresEnvelope() throws Exception {
    var closed = exchange("GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n");
    assertThat(closed.statuses()).containsExactly(400);
    assertThat(closed.text()).contains("{\"error\":{\"code\":\"BadRequest\"");
  }

  @Test
  void keepsServingKeepAliveRequestsOnOneConnection() throws Exception {
    try (var client = new RawHttp(server.endpoint())) {
      client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(client.readOneResponse()).startsWith("HTTP/1.1 200");
      client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(client.readOneResponse()).startsWith("HTTP/1.1 200");
    }
  }
}
