package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.backend.openai.UpstreamHttp;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A deployment served by Anthropic's Messages API, behind Azure's chat completions: the request is
 * translated ({@link MessagesRequest}), the answer or stream translated back ({@link
 * MessagesAnswer}, {@link MessagesStream}), and errors mapped ({@link AnthropicErrors}), so that an
 * Azure client sees the shapes it sees from any other deployment. Completions and embeddings are
 * not served. The key travels in {@code x-api-key}; whatever the upstream sends back passes the
 * target's redactor first. Blocking, on the request's virtual thread, through the shared pooled
 * client.
 */
public final class AnthropicBackend implements Backend {
  private final AnthropicTarget target;
  private final UpstreamHttp client;
  private final TokenCounter tokens;
  private final OutboundPolicy outbound;
  private final SecretRedactor redactor;

  public AnthropicBackend(
      AnthropicTarget target, UpstreamHttp client, TokenCounter tokens, OutboundPolicy outbound) {
    this.target = target;
    this.client = client;
    this.tokens = tokens;
    this.outbound = outbound;
    this.redactor = target.redactor();
  }

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Chat chat ->
          chat.streamed()
              ? new Streamed(stream(chat.request(), chat.model()))
              : complete(chat.request(), chat.model());
      case BackendCall.Completion c -> throw Backend.unsupported(call);
      case BackendCall.Embedding e -> throw Backend.unsupported(call);
    };
  }

  /** Up when the model list answers below 500 and not 429 (a 401 still means it is there). */
  @Override
  public boolean probe() {
    URI destination = target.health();
    try {
      outbound.checkAdministered(destination);
      try (UpstreamHttp.Response response = client.get(destination, target.headers())) {
        int status = response.status();
        return status < 500 && status != 429;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Result complete(ChatRequest request, ModelSpec model) {
    int status;
    byte[] bytes;
    String retryAfter;
    try (UpstreamHttp.Response response = send(request, model, false)) {
      status = response.status();
      retryAfter = response.header("Retry-After");
      bytes = redactor.redact(response.bytes());
    } catch (IOException e) {
      throw AnthropicErrors.failure(e);
    }
    if (status >= 400) {
      throw AnthropicErrors.map(status, bytes, retryAfter);
    }
    JsonNode message;
    try {
      message = Json.parse(bytes);
    } catch (IOException e) {
      throw AnthropicErrors.malformed();
    }
    if (!message.path("content").isArray()) {
      throw AnthropicErrors.malformed();
    }
    var completion = MessagesAnswer.completion(message, MessagesRequest.schemaForced(request));
    return new Result(
        completion, completion.usage().promptTokens(), completion.usage().completionTokens());
  }

  private EventStream stream(ChatRequest request, ModelSpec model) {
    UpstreamHttp.Response response;
    try {
      response = send(request, model, true);
    } catch (IOException e) {
      throw AnthropicErrors.failure(e);
    }
    int status = response.status();
    if (status >= 400) {
      try (response;
          InputStream in = response.body()) {
        throw AnthropicErrors.map(
            status, redactor.redact(in.readNBytes(1 << 20)), response.header("Retry-After"));
      } catch (IOException e) {
        throw AnthropicErrors.failure(e);
      }
    }
    var translator =
        new MessagesStream(
            tokens,
            model.encoding(),
            request.includeUsage(),
            MessagesRequest.schemaForced(request),
            redactor);
    return sink -> {
      // A copy that stops early (the client went away) drops the upstream connection, which is
      // how the upstream's work is cancelled.
      try (response;
          InputStream in = response.body()) {
        boolean complete = false;
        try {
          translator.copy(in, sink);
          complete = true;
        } finally {
          if (!complete) {
            response.abort();
          }
        }
      } catch (IOException e) {
        throw AnthropicErrors.broken(e);
      }
    };
  }

  private UpstreamHttp.Response send(ChatRequest request, ModelSpec model, boolean stream)
      throws IOException {
    byte[] body = Json.write(MessagesRequest.body(request, target.model(model), model, stream));
    URI destination = target.messages();
    outbound.checkAdministered(destination);
    return client.post(destination, target.headers(), body);
  }

  @Override
  public String toString() {
    return "AnthropicBackend[" + target + "]";
  }
}
