package dev.lazurite.backend.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.openai.UpstreamHttp;
import dev.lazurite.backend.translate.UpstreamExchange;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.tokens.TokenCounter;

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
  private final TokenCounter tokens;
  private final UpstreamExchange upstream;

  public GeminiBackend(
      GeminiTarget target, UpstreamHttp client, TokenCounter tokens, OutboundPolicy outbound) {
    this.target = target;
    this.tokens = tokens;
    this.upstream =
        new UpstreamExchange(
            client, outbound, target.headers(), target.redactor(), GeminiErrors.UPSTREAM);
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
    return upstream.probe(target.health());
  }

  private Result complete(ChatRequest request, ModelSpec model) {
    String name = target.model(model);
    JsonNode response =
        upstream.post(target.generate(name), Json.write(GenerateRequest.body(request)));
    if (!response.path("candidates").isArray() && !response.has("promptFeedback")) {
      throw GeminiErrors.UPSTREAM.malformed();
    }
    var completion = GenerateAnswer.completion(response, name);
    return new Result(
        completion, completion.usage().promptTokens(), completion.usage().completionTokens());
  }

  private Result embed(EmbeddingRequest request, ModelSpec model) {
    String name = target.model(model);
    JsonNode response =
        upstream.post(target.embed(name), Json.write(EmbedRequest.body(request, name)));
    var list =
        EmbedRequest.answer(response, request, name).orElseThrow(GeminiErrors.UPSTREAM::malformed);
    return new Result(list, request.promptTokens(), 0);
  }

  private EventStream stream(ChatRequest request, ModelSpec model) {
    String name = target.model(model);
    var translator =
        new GenerateStream(
            tokens, model.encoding(), request.includeUsage(), target.redactor(), name);
    return upstream.stream(
        target.stream(name), Json.write(GenerateRequest.body(request)), translator::copy);
  }

  @Override
  public String toString() {
    return "GeminiBackend[" + target + "]";
  }
}
