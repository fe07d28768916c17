package dev.lazurite.server.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client that writes raw bytes to a listener and reads what comes back until it closes. */
final class RawHttp implements AutoCloseable {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

  private final Socket socket;

  RawHttp(String endpoint) throws IOException {
    URI uri = URI.create(endpoint);
    this.socket = new Socket(uri.getHost(), uri.getPort());
  }

  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Sends what it can; a server that closed early makes the rest fail, which is fine. */
  RawHttp sendQuietly(byte[] bytes) {
    try {
      send(bytes);
    } catch (IOException e) {
      // the server closed while we were writing
    }
    return this;
  }

  /**
   * Everything the server sends until it closes the connection.
   *
   * @throws SocketTimeoutException the server kept the connection open longer than {@code within}
   */
  Closed readUntilClosed(Duration within) throws IOException {
    long started = System.nanoTime();
    socket.setSoTimeout((int) within.toMillis());
    var out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (System.nanoTime() - started > within.toNanos()) {
          throw new SocketTimeoutException("still open after " + within);
        }
      }
    } catch (java.net.SocketException e) {
      // a reset after the answer: closed all the same
    }
    return new Closed(
        out.toString(StandardCharsets.ISO_8859_1), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Reads one response with a Content-Length body, leaving the connection open. */
  String readOneResponse() throws IOException {
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    var head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("closed before a response: " + head);
      }
      head.append((char) b);
    }
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return head + new String(in.readNBytes(size), StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** What a closed connection carried, and how long until it closed. */
  record Closed(String text, Duration after) {
    /** The status of every response, in order. */
    java.util.List<Integer> statuses() {
      Matcher m = STATUS_LINE.matcher(text);
      var statuses = new java.util.ArrayList<Integer>();
      while (m.find()) {
        statuses.add(Integer.parseInt(m.group(1)));
      }
      return statuses;
    }
  }
}
