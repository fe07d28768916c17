package dev.lazurite.bench;

import dev.lazurite.backend.openai.UpstreamHttp;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BareProxy}'s {@code helidon} mode: Helidon's WebServer configured as Lazurite's listeners
 * are ({@code server/edge/Edge}: HTTP/1.1 only, 256 KiB header blocks, no request limit, no idle
 * check, {@code TCP_NODELAY}) without Lazurite's connection guard and edge filter, handing each
 * request to Lazurite's upstream client on its virtual thread.
 */
final class BareHelidonProxy {
  /** The header block size Lazurite's listeners read (the edge's {@code HEADER_READ_BYTES}). */
  private static final int HEADER_READ_BYTES = 256 * 1024;

  private final UpstreamHttp upstream =
      new UpstreamHttp(Duration.ofSeconds(10), Duration.ofSeconds(60));
  private final String base;

  /** Destinations by request path, built once per path as Lazurite builds one per deployment. */
  private final Map<String, URI> destinations = new ConcurrentHashMap<>();

  private BareHelidonProxy(int upstreamPort) {
    this.base = "http://127.0.0.1:" + upstreamPort;
  }

  /** Starts the server; returns the port it listens on. */
  static int start(int port, int upstreamPort) {
    var proxy = new BareHelidonProxy(upstreamPort);
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .shutdownHook(false)
            .protocolsDiscoverServices(false)
            .addProtocol(Http1Config.builder().maxHeadersSize(HEADER_READ_BYTES).build())
            .idleConnectionTimeout(Duration.ofDays(1))
            .idleConnectionPeriod(Duration.ofHours(1))
            .maxConcurrentRequests(-1)
            .connectionOptions(o -> o.tcpNoDelay(true))
            .routing(r -> r.post("/*", proxy::forward))
            .build()
            .start();
    return server.port();
  }

  private void forward(ServerRequest request, ServerResponse response) throws IOException {
    byte[] body;
    try (InputStream in = request.content().inputStream()) {
      body = in.readAllBytes();
    }
    URI destination =
        destinations.computeIfAbsent(request.path().rawPath(), path -> URI.create(base + path));
    try (UpstreamHttp.Response answer = upstream.post(destination, Map.of(), body)) {
      byte[] bytes = answer.bytes();
      response.status(Status.create(answer.status()));
      String type = answer.header("Content-Type");
      if (!type.isEmpty()) {
        response.header(HeaderNames.CONTENT_TYPE, type);
      }
      response.send(bytes);
    } catch (IOException e) {
      response.status(Status.BAD_GATEWAY_502).send();
    }
  }
}
