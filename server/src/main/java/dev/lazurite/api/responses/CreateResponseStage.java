package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /responses}: validates the body, prepends the stored chain of {@code
 * previous_response_id} (the caller's own, on this resource), and sends the rest of the pipeline a
 * chat completions body, so that token counting, quota, content filtering, metering and every
 * backend work as for chat. The chat answer comes back as a response object, or as Responses events
 * when streamed, and is stored for 30 days unless {@code store} is false. A prompt the content
 * filter blocks is the Responses form of the error ({@code content_filters}).
 */
public final class CreateResponseStage implements Stage {
  /** How long a stored response is kept. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private final ResponseStore store;
  private final Clock clock;

  public CreateResponseStage(ResponseStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    ResponsesRequest request = ResponsesRequestParser.parse(exchange.jsonBody());
    String resource = exchange.account().account().name();
    String owner = Owners.of(exchange.principal());
    long now = clock.instant().getEpochSecond();
    List<ObjectNode> context =
        request
            .previousResponseId()
            .map(
                id ->
                    store
                        .find(resource, owner, id, now)
                        .orElseThrow(
                            () ->
                                ApiException.withDetail(
                                    ErrorCode.RESPONSE_NOT_FOUND,
                                    ErrorCode.RESPONSE_NOT_FOUND.message(id),
                                    "previous_response_id",
                                    "previous_response_not_found"))
                        .context())
            .orElse(List.of());
    ModelSpec model = exchange.deployment().model();
    ObjectNode chat = ChatTranslation.toChat(request, context, model.reasoning());
    String id = ResponseIds.response();
    ObjectNode created =
        ResponseObjects.start(
            request,
            id,
            now,
            model.responseName(),
            request.previousResponseId(),
            model.reasoning());
    Response answer;
    try {
      answer = chain.proceed(exchange.withJsonBody(chat));
    } catch (ApiException e) {
      throw e.errorCode() == ErrorCode.CONTENT_FILTER ? e.asResponsesContentFilter() : e;
    }
    Saver saver = new Saver(request, resource, owner, id, now, context);
    return switch (answer) {
      case Response.Json json -> {
        if (json.status() != 200) {
          yield json;
        }
        JsonNode completion = Payloads.tree(json.body());
        JsonNode choice = completion.path("choices").path(0);
        JsonNode prompt = completion.path("prompt_filter_results").path(0);
        ResponseObjects.finish(
            created,
            ResponseObjects.output(choice.path("message")),
            choice.path("finish_reason").asText("stop"),
            completion.get("usage"),
            prompt.isMissingNode() ? null : prompt.path("content_filter_results"),
            choice.get("content_filter_results"),
            clock.instant().getEpochSecond());
        if (completion.path("model").isTextual()) {
          created.put("model", completion.get("model").asText());
        }
        saver.accept(created);
        yield json.withBody(created);
      }
      case Response.Stream stream ->
          stream.withEvents(new ResponseEventStream(stream.events(), created, clock, saver));
      case Response.Bytes bytes -> throw new IllegalStateException("a model call answered bytes");
    };
  }

  /** Stores a finished response with the context a continuation starts from. */
  private final class Saver implements java.util.function.Consumer<ObjectNode> {
    private final ResponsesRequest request;
    private final String resource;
    private final String owner;
    private final String id;
    private final long createdAt;
    private final List<ObjectNode> context;

    Saver(
        ResponsesRequest request,
        String resource,
        String owner,
        String id,
        long createdAt,
        List<ObjectNode> context) {
      this.request = request;
      this.resource = resource;
      this.owner = owner;
      this.id = id;
      this.createdAt = createdAt;
      this.context = context;
    }

    @Override
    public void accept(ObjectNode response) {
      if (!request.store()) {
        return;
      }
      List<ObjectNode> next = new ArrayList<>(context);
      next.addAll(request.input());
      for (JsonNode item : response.withArray("output")) {
        next.add((ObjectNode) item);
      }
      store.deleteExpired(createdAt);
      store.insert(
          new StoredResponse(
              resource,
              owner,
              id,
              createdAt,
              createdAt + RETENTION.toSeconds(),
              response,
              request.input(),
              next));
    }
  }
}
