package dev.lazurite.backend.openai;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of upstream backends: Apache HttpClient's classic (blocking) API over a pool of
 * kept-alive connections. It reads and writes on the calling (virtual) thread, with no hand-off to
 * another thread per request. Shared by every upstream backend; thread-safe.
 */
public final class UpstreamHttp implements AutoCloseable {
  /** Connections kept per upstream host; callers beyond it wait for one to come back. */
  private static final int PER_ROUTE = 512;

  private final CloseableHttpClient client;

  /** The connection-lease and response timeouts, set on every request. */
  private final RequestConfig config;

  /** Destinations kept in {@link #routes} at most (a configuration has a handful). */
  private static final int MAX_ROUTES = 1024;

  private final Map<URI, Route> routes = new ConcurrentHashMap<>();

  public UpstreamHttp(Duration connectTimeout, Duration readTimeout) {
    Timeout connect = Timeout.of(connectTimeout);
    Timeout read = Timeout.of(readTimeout);
    this.config =
        RequestConfig.custom()
            .setConnectionRequestTimeout(connect)
            .setResponseTimeout(read)
            .setRedirectsEnabled(false)
            .build();
    // The minimal client: no redirects, retries, cookies, authentication, proxies or content
    // decompression, none of which an upstream call uses. Unlike the full client's execution
    // chain it does not copy each request or parse its path again (a URIBuilder per request).
    this.client =
        HttpClients.createMinimal(
            PoolingHttpClientConnectionManagerBuilder.create()
                // The first read after a request yields the virtual thread once; see the class.
                .setConnectionFactory(YieldingConnection.FACTORY)
                .setMaxConnPerRoute(PER_ROUTE)
                .setMaxConnTotal(PER_ROUTE * 4)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        // A connection idle this long is checked before reuse, so that one
                        // the upstream closed meanwhile is not handed a request.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build());
  }

  /** POSTs a JSON body; the caller closes the response. */
  public Response post(URI destination, Map<String, String> headers, byte[] json)
      throws IOException {
    HttpPost post = new HttpPost(destination);
    post.setEntity(new JsonEntity(json));
    return execute(destination, post, headers);
  }

  /** POSTs another body (a multipart form); the caller closes the response. */
  public Response post(URI destination, Map<String, String> headers, HttpEntity entity)
      throws IOException {
    HttpPost post = new HttpPost(destination);
    post.setEntity(entity);
    return execute(destination, post, headers);
  }

  /** GETs a destination; the caller closes the response. */
  public Response get(URI destination, Map<String, String> headers) throws IOException {
    return execute(destination, new HttpGet(destination), headers);
  }

  private Response execute(URI destination, HttpUriRequestBase request, Map<String, String> headers)
      throws IOException {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      request.addHeader(header.getKey(), header.getValue());
    }
    // The trace of the request being served, when one is current (tracing on): W3C traceparent.
    io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance()
        .inject(io.opentelemetry.context.Context.current(), request, HttpUriRequestBase::setHeader);
    request.setConfig(config);
    Route route = route(destination);
    // Where the full client's chain put it: after the caller's headers, before the body's.
    request.addHeader(route.hostHeader());
    return new Response(request, client.executeOpen(route.host(), request, null));
  }

  /**
   * Where a destination's requests go: the host with its port resolved, as the client's route needs
   * it, and the {@code Host} header.
   */
  private record Route(HttpHost host, Header hostHeader) {}

  /** A destination's route, made once per destination rather than once per request. */
  private Route route(URI destination) throws IOException {
    Route known = routes.get(destination);
    if (known != null) {
      return known;
    }
    HttpGet probe = new HttpGet(destination);
    HttpHost host;
    try {
      host = RoutingSupport.determineHost(probe);
    } catch (HttpException e) {
      throw new ClientProtocolException(e);
    }
    if (host == null) {
      throw new ClientProtocolException("the upstream address has no host");
    }
    Route route =
        new Route(
            RoutingSupport.normalize(host, DefaultSchemePortResolver.INSTANCE),
            new BasicHeader(HttpHeaders.HOST, probe.getAuthority()));
    if (routes.size() >= MAX_ROUTES) {
      routes.clear();
    }
    routes.putIfAbsent(destination, route);
    return route;
  }

  /**
   * A JSON request body, sent with its length. Its content type is one constant string: the client
   * asks for it on every request, and {@link ContentType#toString()} formats it anew each time.
   */
  private record JsonEntity(byte[] json) implements HttpEntity {
    private static final String TYPE = ContentType.APPLICATION_JSON.toString();

    @Override
    public String getContentType() {
      return TYPE;
    }

    @Override
    public long getContentLength() {
      return json.length;
    }

    @Override
    public String getContentEncoding() {
      return null;
    }

    @Override
    public boolean isChunked() {
      return false;
    }

    @Override
    public Set<String> getTrailerNames() {
      return Set.of();
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(json);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(json);
      out.flush();
    }

    @Override
    public boolean isStreaming() {
      return false;
    }

    @Override
    public Supplier<List<? extends Header>> getTrailers() {
      return null;
    }

    @Override
    public void close() {}
  }

  /**
   * An upstream answer being read. Reading the body to its end returns the connection to the pool,
   * and so does closing it (after reading what is left); {@link #abort()} drops the connection
   * instead, which is how an abandoned request stops the upstream's work.
   */
  public static final class Response implements AutoCloseable {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;

    private Response(HttpUriRequestBase request, ClassicHttpResponse response) {
      this.request = request;
      this.response = response;
    }

    /** Drops the connection at once, without reading the rest of the answer. */
    public void abort() {
      request.cancel();
    }

    public int status() {
      return response.getCode();
    }

    /** A header's first value, or an empty string. */
    public String header(String name) {
      Header header = response.getFirstHeader(name);
      return header == null ? "" : header.getValue();
    }

    /**
     * The whole body, in a buffer of the length the upstream announced (a plain {@code
     * readAllBytes} starts with 16 KiB, most of it unused for a chat answer).
     */
    public byte[] bytes() throws IOException {
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return new byte[0];
      }
      long length = entity.getContentLength();
      try (InputStream in = entity.getContent()) {
        if (in == null) {
          return new byte[0];
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
          return in.readAllBytes();
        }
        // readNBytes fills one array of the announced length (EntityUtils would add a 4 KiB
        // copy buffer, and readAllBytes a 16 KiB one).
        byte[] body = in.readNBytes((int) length);
        return body.length == length && in.read() < 0 ? body : concat(body, in.readAllBytes());
      }
    }

    private static byte[] concat(byte[] head, byte[] rest) {
      byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      return all;
    }

    public InputStream body() throws IOException {
      HttpEntity entity = response.getEntity();
      return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    @Override
    public void close() throws IOException {
      response.close();
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
