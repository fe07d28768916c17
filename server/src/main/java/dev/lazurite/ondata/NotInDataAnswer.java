package dev.lazurite.ondata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.backend.Ids;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.StreamEvent;
import java.time.Clock;

/**
 * What answers instead of the model when {@code in_scope} is on and nothing relevant was retrieved:
 * the service's fixed sentence. It stands in the backend's place, so the completion filter, quota
 * settlement and the ledger treat it as any answer; citations are added on the way out like the
 * model's.
 */
final class NotInDataAnswer implements Backend {
  /** The service's answer when nothing relevant was retrieved and {@code in_scope} is on. */
  static final String TEXT =
      "The requested information is not available in the retrieved data. Please try another query"
          + " or topic.";

  private final int tokens;
  private final Clock clock;

  /**
   * @param tokens {@link #TEXT} in the deployment model's tokens
   */
  NotInDataAnswer(int tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Answer invoke(BackendCall call) {
    return switch (call) {
      case BackendCall.Chat c ->
          c.streamed() ? new Streamed(chatStream(c.model())) : chat(c.request(), c.model());
      case BackendCall.Completion c -> throw Backend.unsupported(call);
      case BackendCall.Embedding e -> throw Backend.unsupported(call);
    };
  }

  private Result chat(ChatRequest request, ModelSpec model) {
    ObjectNode body = head(Ids.chatCompletion(), "chat.completion", model);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", TEXT);
    body.putObject("usage")
        .put("prompt_tokens", request.promptTokens())
        .put("completion_tokens", tokens)
        .put("total_tokens", request.promptTokens() + tokens);
    return new Result(body, 0, tokens);
  }

  private EventStream chatStream(ModelSpec model) {
    String id = Ids.chatCompletion();
    return sink -> {
      sink.send(
          new StreamEvent(
              chunk(id, model, Json.MAPPER.createObjectNode().put("role", "assistant"), null), 0));
      sink.send(
          new StreamEvent(
              chunk(id, model, Json.MAPPER.createObjectNode().put("content", TEXT), null), tokens));
      sink.send(new StreamEvent(chunk(id, model, Json.MAPPER.createObjectNode(), "stop"), 0));
    };
  }

  private ObjectNode head(String id, String object, ModelSpec model) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    return out.put("id", id)
        .put("object", object)
        .put("created", clock.instant().getEpochSecond())
        .put("model", model.responseName());
  }

  private ObjectNode chunk(String id, ModelSpec model, ObjectNode delta, String finish) {
    ObjectNode chunk = head(id, "chat.completion.chunk", model);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return chunk;
  }
}
