package dev.lazurite.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.ChatRequest;
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
  private final TokenCounter tokens;
  private final UpstreamExchange upstream;

  public AnthropicBackend(
      AnthropicTarget target, UpstreamHttp client, TokenCounter tokens, OutboundPolicy outbound) {
    this.target = target;
    this.tokens = tokens;
    this.upstream =
        new UpstreamExchange(
            client, outbound, target.headers(), target.redactor(), AnthropicErrors.UPSTREAM);
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
    return upstream.probe(target.health());
  }

  private Result complete(ChatRequest request, ModelSpec model) {
    JsonNode message = upstream.post(target.messages(), body(request, model, false));
    if (!message.path("content").isArray()) {
      throw AnthropicErrors.UPSTREAM.malformed();
    }
    var completion = MessagesAnswer.completion(message, MessagesRequest.schemaForced(request));
    var usage = completion.usage();
    return new Result(
        completion,
        usage.promptTokens(),
        usage.completionTokens(),
        usage.promptTokensDetails().cachedTokens());
  }

  private EventStream stream(ChatRequest request, ModelSpec model) {
    var translator =
        new MessagesStream(
            tokens,
            model.encoding(),
            request.includeUsage(),
            MessagesRequest.schemaForced(request),
            target.redactor());
    return upstream.stream(target.messages(), body(request, model, true), translator::copy);
  }

  private byte[] body(ChatRequest request, ModelSpec model, boolean stream) {
    return Json.write(MessagesRequest.body(request, target.model(model), model, stream));
  }

  @Override
  public String toString() {
    return "AnthropicBackend[" + target + "]";
  }
}
