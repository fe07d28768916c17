package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.tokens.TokenCounter;
import dev.lazurite.version.ApiVersionStage;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /responses/input_tokens}: the input tokens a Responses request would be billed for on
 * the deployment its {@code model} names — {@code instructions}, the stored chain of {@code
 * previous_response_id} (the caller's own, on this resource), {@code input} and function {@code
 * tools}, counted with the deployment's model encoding as a created response's prompt is. Nothing
 * is sent to a model, stored, or counted against quota. Answers {@code {"object":
 * "response.input_tokens","input_tokens":N}}.
 */
final class InputTokensStage implements Stage {
  /** The fields of a token count request (OpenAI's {@code InputTokenCountParams}). */
  private static final Set<String> KNOWN =
      Set.of(
          "model",
          "input",
          "instructions",
          "previous_response_id",
          "conversation",
          "parallel_tool_calls",
          "reasoning",
          "text",
          "tool_choice",
          "tools",
          "truncation");

  private final ResponseStore store;
  private final TokenCounter tokens;
  private final Clock clock;

  InputTokensStage(ResponseStore store, TokenCounter tokens, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    ObjectNode body = exchange.jsonBody().deepCopy();
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw ApiException.invalid("Unknown parameter: '" + name + "'.", name, "unknown_parameter");
      }
    }
    if (body.has("conversation") && !body.get("conversation").isNull()) {
      throw ApiException.invalid(
          "The 'conversation' parameter is not supported: continue a conversation with"
              + " 'previous_response_id'.",
          "conversation",
          "unsupported_parameter");
    }
    body.remove("conversation");
    boolean noInput = !body.has("input") || body.get("input").isNull();
    if (noInput) {
      // Parsed as one empty message, which is then left out of the count.
      body.put("input", "");
    }
    ResponsesRequest request = ResponsesRequestParser.parse(body);
    List<ObjectNode> context =
        request.previousResponseId().map(id -> chainOf(exchange, id)).orElse(List.of());
    ModelSpec model = exchange.deployment().model();
    ObjectNode chat = ChatTranslation.toChat(request, context, model.reasoning());
    ArrayNode messages = chat.withArray("messages");
    if (noInput) {
      messages.remove(messages.size() - 1);
    }
    if (messages.isEmpty()) {
      throw ApiException.invalid(
          "Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    chat.remove(List.of("max_completion_tokens", "reasoning_effort"));
    int count =
        tokens.chatPrompt(
            model.encoding(),
            ChatRequestParser.parse(chat, ApiVersionStage.featureDate(exchange.route())));
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("object", "response.input_tokens");
    answer.put("input_tokens", count);
    return Response.Json.ok(answer);
  }

  private List<ObjectNode> chainOf(Exchange exchange, String id) {
    return store
        .find(
            exchange.account().account().name(),
            Owners.of(exchange.principal()),
            id,
            clock.instant().getEpochSecond())
        .orElseThrow(
            () ->
                ApiException.withDetail(
                    ErrorCode.RESPONSE_NOT_FOUND,
                    ErrorCode.RESPONSE_NOT_FOUND.message(id),
                    "previous_response_id",
                    "previous_response_not_found"))
        .context();
  }
}
