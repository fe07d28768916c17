package dev.lazurite.bench;

import dev.lazurite.backend.openai.UpstreamHttp;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One non-streamed chat call to {@link StubUpstream} through each HTTP client the upstream backends
 * could use, all with kept-alive pooled connections and the same request (a JSON body, an {@code
 * api-key} header): Apache HttpClient classic as {@link UpstreamHttp} sets it up, the JDK's {@link
 * HttpClient} (HTTP/1.1), Helidon's {@link WebClient}, and Apache HttpAsyncClient ({@link
 * AsyncUpstreamClient}) with one and with two I/O threads. Read the allocation ({@code -prof gc});
 * {@link UpstreamClientRun} compares their CPU time per call, interleaved in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UpstreamClientBenchmark {
  static final byte[] BODY =
      ("{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":16,"
              + "\"seed\":1,\"model\":\"gpt-4o\"}")
          .getBytes(StandardCharsets.UTF_8);
  static final Map<String, String> HEADERS = Map.of("api-key", "0123456789abcdef0123456789abcdef");

  private Clients clients;

  @Setup(Level.Trial)
  public void start() throws IOException {
    clients = Clients.start();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    clients.close();
  }

  @Benchmark
  public byte[] apache() throws IOException {
    return clients.apache();
  }

  @Benchmark
  public byte[] apacheAsync1() throws IOException {
    return clients.async1();
  }

  @Benchmark
  public byte[] apacheAsync2() throws IOException {
    return clients.async2();
  }

  @Benchmark
  public byte[] jdk() throws IOException, InterruptedException {
    return clients.jdk();
  }

  @Benchmark
  public byte[] helidon() {
    return clients.helidon();
  }

  /** The stub and the three clients pointed at it. */
  static final class Clients implements AutoCloseable {
    private final StubUpstream stub;
    private final URI destination;
    private final UpstreamHttp apache;
    private final HttpClient jdk;
    private final HttpRequest jdkRequest;
    private final WebClient helidon;
    private final AsyncUpstreamClient async1;
    private final AsyncUpstreamClient async2;

    private Clients(StubUpstream stub) {
      this.stub = stub;
      this.destination = URI.create(stub.baseUrl() + "/chat/completions");
      this.apache = new UpstreamHttp(Duration.ofSeconds(5), Duration.ofSeconds(30));
      this.jdk =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(destination)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json");
      HEADERS.forEach(request::header);
      this.jdkRequest = request.POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
      this.helidon =
          WebClient.builder()
              .connectTimeout(Duration.ofSeconds(5))
              .readTimeout(Duration.ofSeconds(30))
              .followRedirects(false)
              .build();
      this.async1 = new AsyncUpstreamClient(1, Duration.ofSeconds(5), Duration.ofSeconds(30));
      this.async2 = new AsyncUpstreamClient(2, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static Clients start() throws IOException {
      return new Clients(StubUpstream.start());
    }

    byte[] apache() throws IOException {
      try (UpstreamHttp.Response response = apache.post(destination, HEADERS, BODY)) {
        check(response.status());
        return response.bytes();
      }
    }

    byte[] async1() throws IOException {
      return async1.post(destination, HEADERS, BODY);
    }

    byte[] async2() throws IOException {
      return async2.post(destination, HEADERS, BODY);
    }

    byte[] jdk() throws IOException, InterruptedException {
      HttpResponse<byte[]> response = jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray());
      check(response.statusCode());
      return response.body();
    }

    byte[] helidon() {
      var request =
          helidon.post().uri(destination).header(HeaderNames.CONTENT_TYPE, "application/json");
      HEADERS.forEach((name, value) -> request.header(HeaderNames.create(name), value));
      try (HttpClientResponse response = request.submit(BODY)) {
        check(response.status().code());
        return response.entity().as(byte[].class);
      }
    }

    private static void check(int status) {
      if (status != 200) {
        throw new IllegalStateException("stub answered " + status);
      }
    }

    @Override
    public void close() throws IOException {
      apache.close();
      jdk.close();
      helidon.closeResource();
      async1.close();
      async2.close();
      stub.close();
    }
  }
}
