package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.NativeResponses;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /responses}: validates the body, prepends the stored chain of {@code
 * previous_response_id} (the caller's own, on this resource), and sends the rest of the pipeline a
 * chat completions body, so that token counting, quota, content filtering, metering and every
 * backend work as for chat. The chat answer comes back as a response object, or as Responses events
 * when streamed, and is stored for 30 days unless {@code store} is false. A prompt the content
 * filter blocks is the Responses form of the error ({@code content_filters}). A background response
 * is answered {@code queued} once admitted and runs without the client ({@link
 * BackgroundResponses}).
 */
public final class CreateResponseStage implements Stage {
  /** How long a stored response is kept. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private final ResponseStore store;
  private final Clock clock;
  private final BackgroundResponses background;
  private final ResponseEvents events;
  private final VectorStores vectorStores;

  CreateResponseStage(
      ResponseStore store,
      Clock clock,
      BackgroundResponses background,
      ResponseEvents events,
      VectorStores vectorStores) {
    this.vectorStores = requireNonNull(vectorStores, "vectorStores is null");
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.background = requireNonNull(background, "background is null");
    this.events = requireNonNull(events, "events is null");
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
    request.previousResponseId().ifPresent(previous -> notRunning(resource, owner, previous, now));
    ModelSpec model = exchange.deployment().model();
    ObjectNode chat = ChatTranslation.toChat(request, context, model.reasoning());
    Optional<FileSearchCall> fileSearch =
        request.fileSearch().map(tool -> fileSearch(request, tool, exchange, chat));
    chat.set(
        NativeResponses.REQUEST_FIELD, NativeRequest.body(exchange.jsonBody(), request, context));
    String id = ResponseIds.response();
    ObjectNode created =
        ResponseObjects.start(
            request,
            id,
            now,
            model.responseName(),
            request.previousResponseId(),
            model.reasoning());
    Saver saver = new Saver(request, resource, owner, id, now, context);
    Response answer =
        request.background()
            ? inBackground(exchange, chain, chat, created, saver, request.stream(), fileSearch)
            : proceed(exchange, chain, chat);
    if (answer instanceof Response.Stream detached && detached.detached().isPresent()) {
      return detached;
    }
    return switch (answer) {
      case Response.Json json -> {
        if (json.status() != 200) {
          yield json;
        }
        JsonNode completion = Payloads.tree(json.body());
        JsonNode choice = completion.path("choices").path(0);
        JsonNode prompt = completion.path("prompt_filter_results").path(0);
        if (completion.get(NativeResponses.ANSWER_FIELD) instanceof ObjectNode upstream
            && !choice.path("finish_reason").asText().equals("content_filter")) {
          ObjectNode adopted =
              NativeRequest.adopt(
                  upstream,
                  created,
                  prompt.isMissingNode() ? null : prompt.path("content_filter_results"),
                  choice.get("content_filter_results"));
          if (fileSearch.isPresent()) {
            List<ObjectNode> output = new ArrayList<>();
            adopted.withArray("output").forEach(item -> output.add((ObjectNode) item));
            adopted
                .putArray("output")
                .addAll(fileSearch.get().decorate(output, choice.path("message").get("context")));
          }
          saver.accept(adopted);
          yield json.withBody(adopted);
        }
        List<ObjectNode> output = ResponseObjects.output(choice.path("message"));
        if (fileSearch.isPresent()) {
          output = fileSearch.get().decorate(output, choice.path("message").get("context"));
        }
        ResponseObjects.finish(
            created,
            output,
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
          stream.withEvents(
              new ResponseEventStream(stream.events(), created, clock, saver, fileSearch));
      case Response.Bytes bytes -> throw new IllegalStateException("a model call answered bytes");
    };
  }

  private static Response proceed(Exchange exchange, Chain chain, ObjectNode chat) {
    try {
      return chain.proceed(exchange.withJsonBody(chat));
    } catch (ApiException e) {
      throw e.errorCode() == ErrorCode.CONTENT_FILTER ? e.asResponsesContentFilter() : e;
    }
  }

  /**
   * A background response: admitted (quota, prompt filter, a backend that accepts the call) while
   * the client waits, then answered {@code queued} at once and run as a stream no one reads (the
   * upstream's own Responses stream when its backend serves Responses natively); the stream's end
   * stores it. A streamed one keeps its events ({@link ResponseEvents}) and its client reads them
   * back as they are kept, so that leaving the stream does not stop the work and the stream can be
   * resumed.
   */
  private Response inBackground(
      Exchange exchange,
      Chain chain,
      ObjectNode chat,
      ObjectNode created,
      Saver saver,
      boolean streamed,
      Optional<FileSearchCall> fileSearch) {
    background.reserve();
    boolean started = false;
    try {
      ObjectNode streaming = chat.deepCopy();
      streaming.put("stream", true);
      streaming.putObject("stream_options").put("include_usage", true);
      Response answer = proceed(exchange, chain, streaming);
      if (!(answer instanceof Response.Stream stream)) {
        // Answered whole (an error, or a backend that does not stream): as in the foreground.
        return answer;
      }
      ObjectNode queued = created.deepCopy().put("status", "queued");
      StoredResponse row = saver.row(queued, saver.context, background.leaseFromNow());
      store.insert(row);
      saver.running = row;
      BackgroundResponses.Run run = background.start(row);
      EventStream translated =
          new ResponseEventStream(
              run.stoppable(stream.events()), created, clock, saver, fileSearch);
      EventStream work =
          run.around(
              streamed ? events.recording(translated, row.resource(), row.id()) : translated);
      Object reply = queued;
      if (streamed) {
        events.queued(row);
        reply = events.resume(row, -1);
      }
      started = true;
      return stream.withEvents(work).detach(reply, background.executor());
    } finally {
      if (!started) {
        background.release();
      }
    }
  }

  /**
   * Resolves the tool's vector store in the caller's resource group and adds it to the model call
   * as On Your Data's data source, searched for the last user text of this turn's input.
   */
  private FileSearchCall fileSearch(
      ResponsesRequest request, FileSearchTool tool, Exchange exchange, ObjectNode chat) {
    String query = lastUserText(request.input());
    if (query.isBlank()) {
      throw ApiException.invalid(
          "Invalid 'input': the file_search tool searches for the text of the last user message,"
              + " and this input has none.",
          "input",
          "invalid_value");
    }
    VectorStores.Store found = vectorStores.resolve(tool, exchange.account().account());
    chat.set("data_sources", VectorStores.dataSources(tool, found));
    return new FileSearchCall(tool, query, request.fileSearchResults());
  }

  private static String lastUserText(List<ObjectNode> input) {
    for (ObjectNode item : input.reversed()) {
      if (!item.path("type").asText().equals("message")
          || !item.path("role").asText().equals("user")) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      for (JsonNode part : item.path("content")) {
        if (part.path("type").asText().equals("input_text")) {
          text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText(""));
        }
      }
      return text.toString();
    }
    return "";
  }

  /** A chain cannot continue from a background response that has not ended. */
  private void notRunning(String resource, String owner, String previous, long now) {
    store
        .find(resource, owner, previous, now)
        .map(background::current)
        .filter(StoredResponse::running)
        .ifPresent(
            r -> {
              throw ApiException.invalid(
                  "Previous response with id '" + previous + "' is still " + r.status() + ".",
                  "previous_response_id",
                  "invalid_value");
            });
  }

  /** Stores a finished response with the context a continuation starts from. */
  private final class Saver implements java.util.function.Consumer<ObjectNode> {
    private final ResponsesRequest request;
    private final String resource;
    private final String owner;
    private final String id;
    private final long createdAt;
    private final List<ObjectNode> context;

    /** The stored row of a background response, replaced when it ends; null otherwise. */
    private StoredResponse running;

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
      if (running != null) {
        // A cancelled (or lapsed) response stays as it ended first.
        store.replaceRunning(running.with(response, next, 0));
        return;
      }
      store.insert(row(response, next, 0));
    }

    StoredResponse row(ObjectNode response, List<ObjectNode> items, long leaseUntil) {
      return new StoredResponse(
          resource,
          owner,
          id,
          createdAt,
          createdAt + RETENTION.toSeconds(),
          response,
          request.input(),
          items,
          leaseUntil);
    }
  }
}
