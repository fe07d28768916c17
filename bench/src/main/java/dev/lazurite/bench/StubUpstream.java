package dev.lazurite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An upstream that answers every request with the same chat completion (the one {@code
 * bench/gateway.sh}'s nginx stub returns), on loopback, with keep-alive. It reads each request into
 * one reused buffer and writes one prepared answer, so it allocates next to nothing per request: in
 * a benchmark that shares its JVM, the allocation measured is the gateway's.
 */
final class StubUpstream implements AutoCloseable {
  static final String CHAT =
      "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1733000000,"
          + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
          + "\"assistant\",\"content\":\"Hello! How can I help you today?\",\"refusal\":null},"
          + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,"
          + "\"completion_tokens\":9,\"total_tokens\":20},\"system_fingerprint\":\"fp_stub\"}";

  /** The same answer as Anthropic's Messages API gives it. */
  static final String MESSAGE =
      "{\"id\":\"msg_stub\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
          + "\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":"
          + "\"Hello! How can I help you today?\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":11,\"output_tokens\":9}}";

  private final ServerSocket socket;
  private final byte[] answer;

  private StubUpstream(ServerSocket socket, String body) {
    this.socket = socket;
    this.answer = answer(body);
  }

  static StubUpstream start() throws IOException {
    return start(CHAT);
  }

  /** A stub answering {@code body} to every request. */
  static StubUpstream start(String body) throws IOException {
    var stub = new StubUpstream(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()), body);
    Thread.ofPlatform().daemon(true).name("stub-upstream").start(stub::accept);
    return stub;
  }

  /** The base URL of its OpenAI-style API ({@code …/v1}). */
  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread.ofVirtual().start(() -> serve(connection, answer));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket connection, byte[] answer) {
    byte[] buffer = new byte[64 * 1024];
    try (connection;
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream()) {
      int filled = 0;
      while (true) {
        int end = headersEnd(buffer, filled);
        while (end < 0) {
          int n = in.read(buffer, filled, buffer.length - filled);
          if (n < 0) {
            return;
          }
          filled += n;
          end = headersEnd(buffer, filled);
        }
        int total = end + contentLength(buffer, end);
        while (filled < total) {
          int n = in.read(buffer, filled, buffer.length - filled);
          if (n < 0) {
            return;
          }
          filled += n;
        }
        out.write(answer);
        out.flush();
        System.arraycopy(buffer, total, buffer, 0, filled - total);
        filled -= total;
      }
    } catch (IOException e) {
      // The client closed the connection.
    }
  }

  /** Where the body starts (after the blank line), or -1 before the headers are complete. */
  private static int headersEnd(byte[] b, int filled) {
    for (int i = 3; i < filled; i++) {
      if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int contentLength(byte[] b, int end) {
    byte[] name = "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + name.length < end; i++) {
      for (int j = 0; j < name.length; j++) {
        if (Character.toLowerCase(b[i + j]) != name[j]) {
          continue outer;
        }
      }
      int k = i + name.length;
      int value = 0;
      for (; k < end && b[k] != '\r'; k++) {
        if (b[k] >= '0' && b[k] <= '9') {
          value = value * 10 + (b[k] - '0');
        }
      }
      return value;
    }
    return 0;
  }

  private static byte[] answer(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
