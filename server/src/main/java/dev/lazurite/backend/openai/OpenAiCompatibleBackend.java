package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.tokens.TokenCounter;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

/**
 * Any server that speaks OpenAI's API (vLLM, Ollama, llama.cpp server, LocalAI, OpenAI itself) or
 * Azure OpenAI's ({@link UpstreamTarget} says which; Azure's content filter annotations pass
 * through untouched). Requests go upstream with the upstream model name; streams are passed through
 * chunk by chunk as they arrive; upstream errors and timeouts become Azure errors. Whatever the
 * upstream sends back passes the target's {@link UpstreamTarget#redactor()} first, so a key it
 * echoes reaches neither the client nor the log. The client is Helidon's blocking WebClient, which
 * runs on the request's virtual thread with no hand-offs.
 */
public final class OpenAiCompatibleBackend implements Backend {
  private final UpstreamTarget target;
  private final WebClient client;
  private final Duration readTimeout;
  private final TokenCounter tokens;
  private final dev.lazurite.network.OutboundPolicy outbound;

  /**
   * @param target where the upstream's operations live and how to authenticate to it
   * @param readTimeout the longest wait for the upstream's next bytes
   */
  public OpenAiCompatibleBackend(
      UpstreamTarget target,
      WebClient client,
      Duration readTimeout,
      TokenCounter tokens,
      dev.lazurite.network.OutboundPolicy outbound) {
    this.outbound = outbound;
    this.target = target;
    this.client = client;
    this.readTimeout = readTimeout;
    this.tokens = tokens;
  }

  @Override
  public Answer invoke(BackendCall call) {
    String path =
        switch (call) {
          case BackendCall.Chat c -> "chat/completions";
          case BackendCall.Completion c -> "completions";
          case BackendCall.Embedding e -> "embeddings";
        };
    return call.streamed()
        ? new Streamed(stream(path, call.request(), call.model()))
        : call(path, call.request(), call.model());
  }

  /** Up when the model list answers below 500 and not 429 (a 401 still means it is there). */
  @Override
  public boolean probe() {
    URI destination = target.health();
    try {
      outbound.checkAdministered(destination);
      var request = client.get().uri(destination).readTimeout(readTimeout);
      target
          .authorization()
          .forEach((name, value) -> request.header(HeaderNames.create(name), value));
      try (HttpClientResponse response = request.request()) {
        int status = response.status().code();
        return status < 500 && status != 429;
      }
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Result call(String path, ModelRequest request, ModelSpec model) {
    int status;
    byte[] bytes;
    String retryAfter;
    try (HttpClientResponse response = send(path, upstreamBody(request, model, false))) {
      status = response.status().code();
      retryAfter = response.headers().first(HeaderNames.RETRY_AFTER).orElse("");
      bytes = response.inputStream().readAllBytes();
    } catch (IOException | UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
      throw failure(e);
    }
    if (status >= 400) {
      throw UpstreamErrors.map(status, target.redactor().redact(bytes), retryAfter);
    }
    ObjectNode answer = UpstreamErrors.parseObject(target.redactor().redact(bytes));
    JsonNode usage = answer.path("usage");
    return new Result(
        answer, usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
  }

  private EventStream stream(String path, ModelRequest request, ModelSpec model) {
    HttpClientResponse response = send(path, upstreamBody(request, model, true));
    int status = response.status().code();
    if (status >= 400) {
      try (response;
          InputStream in = response.inputStream()) {
        throw UpstreamErrors.map(
            status,
            target.redactor().redact(in.readNBytes(1 << 20)),
            response.headers().first(HeaderNames.RETRY_AFTER).orElse(""));
      } catch (IOException
          | UncheckedIOException
          | DataReader.InsufficientDataAvailableException e) {
        throw failure(e);
      }
    }
    boolean clientWantsUsage = includeUsage(request);
    return sink -> {
      // Closing the response mid-stream drops the upstream connection: that is how a client
      // that went away cancels the upstream's work.
      try (response;
          InputStream in = response.inputStream()) {
        new SsePassThrough(tokens, model.encoding(), clientWantsUsage, target.redactor())
            .copy(in, sink);
      } catch (IOException e) {
        throw UpstreamErrors.broken(e);
      } catch (DataReader.InsufficientDataAvailableException e) {
        // Helidon's word for a connection the upstream closed mid-response.
        throw UpstreamErrors.broken(new IOException("upstream closed the connection", e));
      }
    };
  }

  private static boolean includeUsage(ModelRequest request) {
    return switch (request) {
      case ChatRequest chat -> chat.includeUsage();
      case CompletionRequest completion -> completion.includeUsage();
      case EmbeddingRequest ignored -> false;
    };
  }

  private ObjectNode upstreamBody(ModelRequest request, ModelSpec model, boolean stream) {
    ObjectNode body = request.raw().deepCopy();
    body.put("model", target.model(model));
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    } else if (body.has("stream")) {
      body.put("stream", false);
    }
    return body;
  }

  private HttpClientResponse send(String path, ObjectNode body) {
    URI destination = target.destination(path);
    outbound.checkAdministered(destination);
    var request =
        client
            .post()
            .uri(destination)
            .readTimeout(readTimeout)
            .header(HeaderNames.CONTENT_TYPE, "application/json");
    target
        .authorization()
        .forEach((name, value) -> request.header(HeaderNames.create(name), value));
    try {
      return request.submit(Json.write(body));
    } catch (UncheckedIOException
        | IllegalStateException
        | DataReader.InsufficientDataAvailableException e) {
      // The last: a pooled connection the upstream closed before it answered.
      throw failure(e);
    }
  }

  private static RuntimeException failure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return UpstreamErrors.timeout();
      }
    }
    return UpstreamErrors.unreachable(e instanceof IOException io ? io : new IOException(e));
  }
}
