package dev.lazurite.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@code multipart/form-data} body, built part by part as clients send them. */
public final class TestingMultipart {
  public static final String BOUNDARY = "lazurite-test-boundary-7MA4YWxkTrZu0gW";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final List<byte[]> parts = new ArrayList<>();

  public TestingMultipart field(String name, String value) {
    parts.add(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public TestingMultipart file(String name, String filename, byte[] content) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"; filename=\""
                + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    parts.add(out.toByteArray());
    return this;
  }

  public TestingMultipart file(String filename, String content) {
    return file("file", filename, content.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] body() {
    var out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  public static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** Sends a body to a URL with headers (name, value pairs). */
  public static TestingHttp.Result post(String url, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new TestingHttp.Result(
          response.statusCode(), response.headers().map(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends the form with the api-key. */
  public TestingHttp.Result post(String url, String key) {
    return post(url, body(), "api-key", key, "Content-Type", contentType());
  }
}
