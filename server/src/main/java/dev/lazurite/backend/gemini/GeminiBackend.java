package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.EmbeddingRequest;
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
 * A deployment served by Google's Gemini API, behind Azure's chat completions and embeddings: the
 * request is translated ({@link GenerateRequest}, {@link EmbedRequest}), the answer or stream
 * translated back ({@link GenerateAnswer}, {@link GenerateStream}), and errors mapped ({@link
 * GeminiErrors}), so that an Azure client sees the shapes it sees from any other deployment.
 * Completions are not served. The key travels in {@code x-goog-api-key}; whatever the upstream
 * sends back passes the target's redactor first. Blocking, on the request's virtual thread, through
 * the shared pooled client.
 */
public final class GeminiBackend implements Backend {
  private final GeminiTarget target;
  private final UpstreamHttp client;
  private final TokenCounter tokens;
  private final OutboundPolicy outbound;
  private final SecretRedactor redactor;

  public GeminiBackend(
      GeminiTarget target, UpstreamHttp client, TokenCounter tokens, OutboundPolicy outbound) {
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
      case BackendCall.Embedding e -> embed(e.request(), e.model());
    };
  }

  /** Up when the model list answers below 500 and not 429 (a 403 still means it is there). */
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
    String name = target.model(model);
    JsonNode response = post(target.generate(name), Json.write(GenerateRequest.body(request)));
    if (!response.path("candidates").isArray() && !response.has("promptFeedback")) {
      throw GeminiErrors.malformed();
    }
    var completion = GenerateAnswer.completion(response, name);
    return new Result(
        completion, completion.usage().promptTokens(), completion.usage().completionTokens());
  }

  private Result embed(EmbeddingRequest request, ModelSpec model) {
    String name = target.model(model);
    JsonNode response = post(target.embed(name), Json.write(EmbedRequest.body(request, name)));
    var list = EmbedRequest.answer(response, request, name).orElseThrow(GeminiErrors::malformed);
    return new Result(list, request.promptTokens(), 0);
  }

  private JsonNode post(URI destination, byte[] body) {
    int status;
    byte[] bytes;
    String retryAfter;
    outbound.checkAdministered(destination);
    try (UpstreamHttp.Response response = client.post(destination, target.headers(), body)) {
      status = response.status();
      retryAfter = response.header("Retry-After");
      bytes = redactor.redact(response.bytes());
    } catch (IOException e) {
      throw GeminiErrors.failure(e);
    }
    if (status >= 400) {
      throw GeminiErrors.map(status, bytes, retryAfter);
    }
    try {
      return Json.parse(bytes);
    } catch (IOException e) {
      throw GeminiErrors.malformed();
    }
  }

  private EventStream stream(ChatRequest request, ModelSpec model) {
    String name = target.model(model);
    URI destination = target.stream(name);
    outbound.checkAdministered(destination);
    UpstreamHttp.Response response;
    try {
      response =
          client.post(destination, target.headers(), Json.write(GenerateRequest.body(request)));
    } catch (IOException e) {
      throw GeminiErrors.failure(e);
    }
    int status = response.status();
    if (status >= 400) {
      try (response;
          InputStream in = response.body()) {
        throw GeminiErrors.map(
            status, redactor.redact(in.readNBytes(1 << 20)), response.header("Retry-After"));
      } catch (IOException e) {
        throw GeminiErrors.failure(e);
      }
    }
    var translator =
        new GenerateStream(tokens, model.encoding(), request.includeUsage(), redactor, name);
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
        throw GeminiErrors.broken(e);
      }
    };
  }

  @Override
  public String toString() {
    return "GeminiBackend[" + target + "]";
  }
}
