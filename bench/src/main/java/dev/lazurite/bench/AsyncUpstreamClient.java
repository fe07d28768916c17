package dev.lazurite.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpAsyncClient 5 (the httpcore5 I/O reactor) set up as {@code UpstreamHttp} sets up the
 * classic client: minimal (no redirects, retries, cookies), HTTP/1.1 only, a pool of kept-alive
 * connections, the same timeouts. The caller (a virtual thread) waits on the answer's future while
 * the reactor's I/O threads do the reading and writing.
 */
final class AsyncUpstreamClient implements AutoCloseable {
  private final MinimalHttpAsyncClient client;

  AsyncUpstreamClient(int ioThreads, Duration connectTimeout, Duration readTimeout) {
    Timeout connect = Timeout.of(connectTimeout);
    Timeout read = Timeout.of(readTimeout);
    this.client =
        HttpAsyncClients.createMinimal(
            HttpVersionPolicy.FORCE_HTTP_1,
            H2Config.DEFAULT,
            Http1Config.DEFAULT,
            IOReactorConfig.custom().setIoThreadCount(ioThreads).setSoTimeout(read).build(),
            PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(512)
                .setMaxConnTotal(2048)
                .setDefaultTlsConfig(
                    TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build());
    client.start();
  }

  /** POSTs a JSON body and waits for the whole answer; returns its body. */
  byte[] post(URI destination, Map<String, String> headers, byte[] json) throws IOException {
    BasicHttpRequest request = new BasicHttpRequest(Method.POST, destination);
    headers.forEach(request::addHeader);
    Future<Message<HttpResponse, byte[]>> answer =
        client.execute(
            new BasicRequestProducer(
                request, AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON)),
            new BasicResponseConsumer<>(new BasicAsyncEntityConsumer()),
            null);
    Message<HttpResponse, byte[]> message;
    try {
      message = answer.get();
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    if (message.getHead().getCode() != 200) {
      throw new IllegalStateException("stub answered " + message.getHead().getCode());
    }
    byte[] body = message.getBody();
    return body == null ? new byte[0] : body;
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
