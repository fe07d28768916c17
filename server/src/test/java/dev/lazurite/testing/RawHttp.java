package dev.lazurite.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 over a socket bound to a chosen local address, so tests can be "another host" on the
 * loopback range (127.0.0.2, 127.0.0.3, …). Bounded by a read timeout.
 */
public final class RawHttp {
  private RawHttp() {}

  public record Result(int status, Map<String, String> headers, String body) {}

  public static Result send(
      String source,
      String host,
      int port,
      SSLContext tls,
      String method,
      String path,
      String body,
      String... headers)
      throws IOException {
    Socket plain = new Socket();
    plain.bind(new InetSocketAddress(source, 0));
    plain.connect(new InetSocketAddress(host, port), 5_000);
    plain.setSoTimeout(10_000);
    Socket socket =
        tls == null ? plain : tls.getSocketFactory().createSocket(plain, host, port, true);
    try (socket) {
      StringBuilder request = new StringBuilder();
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      boolean hostGiven = false;
      for (int i = 0; i < headers.length; i += 2) {
        hostGiven |= headers[i].equalsIgnoreCase("Host");
      }
      if (!hostGiven) {
        request.append("Host: ").append(host).append(':').append(port).append("\r\n");
      }
      request.append("Connection: close\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      if (body != null) {
        request
            .append("Content-Type: application/json\r\nContent-Length: ")
            .append(content.length)
            .append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Result parse(InputStream in) throws IOException {
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      while (true) {
        int size = Integer.parseInt(readLine(in).strip(), 16);
        if (size == 0) {
          break;
        }
        body.write(in.readNBytes(size));
        readLine(in);
      }
    }
    return new Result(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the response head ended");
      }
      head.append((char) b);
    }
    return head.substring(0, head.length() - 4);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
