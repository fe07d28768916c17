package dev.lazurite.e2e;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An azure-core HTTP client that hands response bodies on as buffers whose backing arrays hold
 * exactly their bytes. azure-ai-openai 1.0.0-beta.16 parses server-sent events from each buffer's
 * whole backing array ({@code ByteBuffer.array()}, ignoring position and limit); the JDK transport
 * may deliver a buffer with spare capacity, whose zero bytes then prefix the next buffer's first
 * line. An event line still parses, but a {@code data: [DONE]} that arrives in a read of its own
 * fails with "Invalid Json format [DONE]" — against any server that flushes {@code [DONE]} on its
 * own, Azure OpenAI included. The Netty transport copies buffers exactly; this does the same for
 * the JDK transport.
 */
final class ExactBuffersHttpClient implements HttpClient {
  private final HttpClient delegate;

  ExactBuffersHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return send(request, Context.NONE);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return delegate.send(request, context).map(Exact::new);
  }

  private static final class Exact extends HttpResponse {
    private final HttpResponse response;

    Exact(HttpResponse response) {
      super(response.getRequest());
      this.response = response;
    }

    @Override
    public int getStatusCode() {
      return response.getStatusCode();
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return response.getHeaders().getValue(name);
    }

    @Override
    public HttpHeaders getHeaders() {
      return response.getHeaders();
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return response
          .getBody()
          .map(
              buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return ByteBuffer.wrap(bytes);
              });
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return response.getBodyAsByteArray();
    }

    @Override
    public Mono<String> getBodyAsString() {
      return response.getBodyAsString();
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return response.getBodyAsString(charset);
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
