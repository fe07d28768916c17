package dev.lazurite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Streamed chat, one request at a time over a kept-alive connection: the time to the first body
 * byte and to the end of the stream, in microseconds. Run against the stub and through a gateway,
 * with a short and a long stream; the differences are what the gateway adds, in all and per chunk.
 *
 * <p>Usage: {@code StreamTiming url key requests} — prints {@code ttfb_p50 ttfb_p99 total_p50}.
 */
public final class StreamTiming {
  private static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"stream\":true}";

  private StreamTiming() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String key = args[1];
    int requests = Integer.parseInt(args[2]);
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .header("api-key", key)
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(BODY))
              .build();
      Histogram ttfb = new Histogram(60_000_000L, 3);
      Histogram total = new Histogram(60_000_000L, 3);
      // Warm-up: JIT on both sides, then the measured run.
      for (int i = 0; i < requests / 2; i++) {
        once(client, request, new Histogram(60_000_000L, 3), new Histogram(60_000_000L, 3));
      }
      for (int i = 0; i < requests; i++) {
        once(client, request, ttfb, total);
      }
      System.out.printf(
          "%d %d %d%n",
          ttfb.getValueAtPercentile(50),
          ttfb.getValueAtPercentile(99),
          total.getValueAtPercentile(50));
    }
  }

  private static void once(HttpClient client, HttpRequest request, Histogram ttfb, Histogram total)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode() + " from " + request.uri());
    }
    byte[] buffer = new byte[65_536];
    try (InputStream in = response.body()) {
      int first = in.read(buffer);
      long t1 = System.nanoTime();
      if (first < 0) {
        throw new IOException("empty stream from " + request.uri());
      }
      while (in.read(buffer) >= 0) {
        // Drain to the end of the stream.
      }
      long t2 = System.nanoTime();
      ttfb.recordValue((t1 - t0) / 1_000);
      total.recordValue((t2 - t0) / 1_000);
    }
  }
}
