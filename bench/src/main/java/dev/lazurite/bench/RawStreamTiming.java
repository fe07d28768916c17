package dev.lazurite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Streamed chat timed on a plain socket, so that no HTTP client's own hand-offs are in the figure:
 * one kept-alive connection per target, the targets taking turns request by request. Per target, in
 * microseconds from the request's last byte written: the answer's first byte (status line), the
 * first byte of its body, and its end. A gateway's added time to first byte is the difference
 * between a target behind it and the same upstream called directly.
 *
 * <p>Usage: {@code RawStreamTiming requests key url [url ...]} — the key is sent as {@code api-key}
 * to every target; prints one line per target: {@code head_p50 body_p50 body_p99 end_p50}.
 */
public final class RawStreamTiming {
  private static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"stream\":true}";

  private RawStreamTiming() {}

  public static void main(String[] args) throws Exception {
    int requests = Integer.parseInt(args[0]);
    String key = args[1];
    List<Target> targets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      targets.add(new Target(URI.create(args[i]), key));
    }
    for (int i = 0; i < requests / 2; i++) { // warm-up on both sides
      for (Target t : targets) {
        t.once(false);
      }
    }
    for (int i = 0; i < requests; i++) {
      for (Target t : targets) {
        t.once(true);
      }
    }
    for (Target t : targets) {
      System.out.printf(
          "%d %d %d %d %s%n",
          t.head.getValueAtPercentile(50),
          t.body.getValueAtPercentile(50),
          t.body.getValueAtPercentile(99),
          t.end.getValueAtPercentile(50),
          t.uri);
      t.socket.close();
    }
  }

  private static final class Target {
    final URI uri;
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final byte[] request;
    final byte[] buffer = new byte[1 << 20];
    final Histogram head = new Histogram(60_000_000L, 3);
    final Histogram body = new Histogram(60_000_000L, 3);
    final Histogram end = new Histogram(60_000_000L, 3);

    Target(URI uri, String key) throws IOException {
      this.uri = uri;
      this.socket = new Socket(uri.getHost(), uri.getPort());
      socket.setTcpNoDelay(true);
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
      byte[] json = BODY.getBytes(StandardCharsets.UTF_8);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String text =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nContent-Type: application/json\r\napi-key: "
              + key
              + "\r\nContent-Length: "
              + json.length
              + "\r\n\r\n"
              + BODY;
      this.request = text.getBytes(StandardCharsets.UTF_8);
    }

    void once(boolean record) throws IOException {
      out.write(request);
      out.flush();
      long t0 = System.nanoTime();
      long tHead = 0;
      long tBody = 0;
      int filled = 0;
      int bodyStart = -1;
      long length = -1;
      boolean chunked = false;
      while (true) {
        int n = in.read(buffer, filled, buffer.length - filled);
        long now = System.nanoTime();
        if (n < 0) {
          throw new IOException("connection closed by " + uri);
        }
        if (tHead == 0) {
          tHead = now;
        }
        filled += n;
        if (bodyStart < 0) {
          bodyStart = headersEnd(filled);
          if (bodyStart < 0) {
            continue;
          }
          String headers = new String(buffer, 0, bodyStart, StandardCharsets.US_ASCII);
          if (!headers.startsWith("HTTP/1.1 200")) {
            throw new IOException(uri + " answered " + headers.lines().findFirst().orElse(""));
          }
          String lower = headers.toLowerCase(java.util.Locale.ROOT);
          chunked = lower.contains("transfer-encoding: chunked");
          int at = lower.indexOf("content-length:");
          if (at >= 0) {
            length = Long.parseLong(lower.substring(at + 15, lower.indexOf('\r', at)).strip());
          }
        }
        if (tBody == 0 && filled > bodyStart) {
          tBody = now;
        }
        boolean done =
            chunked
                ? endsWith(filled, "\r\n0\r\n\r\n")
                    || (filled - bodyStart == 5 && endsWith(filled, "0\r\n\r\n"))
                : length >= 0 && filled - bodyStart >= length;
        if (done) {
          if (record) {
            head.recordValue((tHead - t0) / 1_000);
            body.recordValue((tBody - t0) / 1_000);
            end.recordValue((now - t0) / 1_000);
          }
          return;
        }
      }
    }

    private int headersEnd(int filled) {
      for (int i = 3; i < filled; i++) {
        if (buffer[i] == '\n'
            && buffer[i - 1] == '\r'
            && buffer[i - 2] == '\n'
            && buffer[i - 3] == '\r') {
          return i + 1;
        }
      }
      return -1;
    }

    private boolean endsWith(int filled, String tail) {
      if (filled < tail.length()) {
        return false;
      }
      for (int i = 0; i < tail.length(); i++) {
        if (buffer[filled - tail.length() + i] != tail.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
