package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.pipeline.EventSink;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.NamedEvent;
import dev.lazurite.pipeline.StreamEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A chat completion stream as Responses events, in the service's order: {@code response.created},
 * {@code response.in_progress}, then per output item {@code output_item.added}, {@code
 * content_part.added}, text deltas, {@code output_text.done}, {@code content_part.done}, {@code
 * output_item.done} (function calls: argument deltas and {@code function_call_arguments.done}), and
 * last {@code response.completed} (or {@code response.incomplete}) with usage. A model that fails
 * after the stream started ends it with {@code response.failed} (status {@code failed}, {@code
 * error} with its code and message), as OpenAI and Azure do. Each chat event's completion tokens
 * travel on the first event made from it, so metering counts the same tokens. A backend whose
 * upstream streams Responses events itself has them passed on ({@link NativeEvents}) instead.
 */
final class ResponseEventStream implements EventStream {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EventStream chat;
  private final ObjectNode response;
  private final Clock clock;
  private final Consumer<ObjectNode> onCompleted;

  private final List<Item> items = new ArrayList<>();
  private Item openMessage;
  private int sequence;
  private String finishReason = "stop";
  private JsonNode usage;
  private JsonNode promptFilter;
  private JsonNode completionFilter;

  /** The upstream's own events, when its upstream streams Responses itself; null otherwise. */
  private NativeEvents upstreamEvents;

  /** The request's file search, whose call is streamed once the retrieval has reported. */
  private final Optional<FileSearchCall> fileSearch;

  private boolean searched;

  /**
   * @param response the response as created, with no output
   * @param onCompleted receives the finished response once the last event was sent
   */
  ResponseEventStream(
      EventStream chat,
      ObjectNode response,
      Clock clock,
      Consumer<ObjectNode> onCompleted,
      Optional<FileSearchCall> fileSearch) {
    this.fileSearch = requireNonNull(fileSearch, "fileSearch is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.response = requireNonNull(response, "response is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.onCompleted = requireNonNull(onCompleted, "onCompleted is null");
  }

  /** One output item as it streams: a message's text or a function call's arguments. */
  private static final class Item {
    final int index;
    final ObjectNode node;
    final StringBuilder text = new StringBuilder();
    boolean done;

    Item(int index, ObjectNode node) {
      this.index = index;
      this.node = node;
    }

    String id() {
      return node.get("id").asText();
    }

    boolean isMessage() {
      return node.get("type").asText().equals("message");
    }
  }

  @Override
  public void writeTo(EventSink sink) {
    List<ObjectNode> out = new ArrayList<>();
    out.add(withResponse("response.created"));
    out.add(withResponse("response.in_progress"));
    send(sink, out, 0, 0);
    List<Item> calls = new ArrayList<>();
    try {
      chat.writeTo(
          event -> {
            if (!event.sent()) {
              sink.send(event);
              return;
            }
            JsonNode chunk = Payloads.tree(event.payload());
            if (upstreamEvents == null && NativeEvents.carries(chunk)) {
              upstreamEvents = new NativeEvents(response, promptFilter, fileSearch);
            }
            List<ObjectNode> made = new ArrayList<>();
            if (upstreamEvents != null) {
              if (fileSearch.isPresent() && !searched && chunk.has("context")) {
                searched(fileSearch.get(), chunk.get("context"), made);
              }
              made.addAll(upstreamEvents.accept(chunk));
            } else {
              translate(chunk, calls, made);
            }
            send(sink, made, event);
          });
    } catch (ApiException e) {
      fail(sink, e);
      throw e;
    }
    if (upstreamEvents != null) {
      send(sink, upstreamEvents.end(clock.instant().getEpochSecond()), 0, 0);
      if (upstreamEvents.finished() != null) {
        response.removeAll().setAll(upstreamEvents.finished());
      }
      onCompleted.accept(response);
      return;
    }
    List<ObjectNode> end = new ArrayList<>();
    if (items.stream().allMatch(i -> i.node.get("type").asText().equals("file_search_call"))) {
      openMessage(end);
    }
    for (Item item : items) {
      close(item, end);
    }
    List<ObjectNode> output = new ArrayList<>();
    items.forEach(i -> output.add(i.node.deepCopy()));
    ResponseObjects.finish(
        response,
        output,
        finishReason,
        usage,
        promptFilter,
        completionFilter,
        clock.instant().getEpochSecond());
    end.add(
        withResponse(
            response.get("status").asText().equals("incomplete")
                ? "response.incomplete"
                : "response.completed"));
    send(sink, end, 0, 0);
    onCompleted.accept(response);
  }

  /**
   * The model failed after the stream started: the stream ends with {@code response.failed}, and
   * the failed response is kept like a finished one.
   */
  private void fail(EventSink sink, ApiException e) {
    List<ObjectNode> output = new ArrayList<>();
    items.forEach(i -> output.add(i.node.deepCopy()));
    if (upstreamEvents != null) {
      output.addAll(upstreamEvents.output());
    }
    ObjectNode rendered = ErrorRenderer.toJson(e);
    ResponseObjects.fail(
        response,
        output,
        e.errorCode().status(),
        rendered.path("error").path("message").asText(e.getMessage()),
        clock.instant().getEpochSecond());
    try {
      send(sink, new ArrayList<>(List.of(withResponse("response.failed"))), 0, 0);
    } finally {
      onCompleted.accept(response);
    }
  }

  private void translate(JsonNode chunk, List<Item> calls, List<ObjectNode> made) {
    JsonNode prompt = chunk.path("prompt_filter_results");
    if (prompt.isArray() && !prompt.isEmpty()) {
      promptFilter = prompt.get(0).path("content_filter_results");
    }
    if (chunk.hasNonNull("usage")) {
      usage = chunk.get("usage");
    }
    if (chunk.path("model").isTextual() && !chunk.get("model").asText().isEmpty()) {
      response.put("model", chunk.get("model").asText());
    }
    JsonNode choices = chunk.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      return;
    }
    JsonNode choice = choices.get(0);
    if (choice.hasNonNull("content_filter_results")) {
      completionFilter = choice.get("content_filter_results");
    }
    JsonNode delta = choice.path("delta");
    if (fileSearch.isPresent() && !searched && delta.has("context")) {
      searched(fileSearch.get(), delta.get("context"), made);
    }
    String text = delta.path("content").asText("");
    if (text.isEmpty()) {
      text = delta.path("refusal").asText("");
    }
    if (!text.isEmpty()) {
      Item message = openMessage == null ? openMessage(made) : openMessage;
      message.text.append(text);
      ObjectNode d = event("response.output_text.delta", message);
      d.put("content_index", 0);
      d.put("delta", text);
      d.putArray("logprobs");
      made.add(d);
    }
    for (JsonNode call : delta.path("tool_calls")) {
      int index = call.path("index").asInt(calls.size());
      if (call.hasNonNull("id") || index >= calls.size()) {
        if (openMessage != null) {
          close(openMessage, made);
        }
        Item item =
            new Item(
                items.size(),
                ResponseObjects.functionCall(
                    ResponseIds.functionCall(),
                    "in_progress",
                    call.path("id").asText(""),
                    call.path("function").path("name").asText(""),
                    ""));
        items.add(item);
        calls.add(item);
        ObjectNode added = event("response.output_item.added", item);
        added.remove("item_id");
        added.set("item", item.node.deepCopy());
        made.add(added);
      }
      Item item = calls.get(Math.min(index, calls.size() - 1));
      String arguments = call.path("function").path("arguments").asText("");
      if (!arguments.isEmpty()) {
        item.text.append(arguments);
        ObjectNode d = event("response.function_call_arguments.delta", item);
        d.put("delta", arguments);
        made.add(d);
      }
    }
    if (choice.hasNonNull("finish_reason")) {
      finishReason = choice.get("finish_reason").asText();
    }
  }

  /**
   * The file search call, complete by the time the model's first chunk arrives: added in progress,
   * searching, completed, done.
   */
  private void searched(FileSearchCall call, JsonNode context, List<ObjectNode> made) {
    searched = true;
    call.accept(context);
    Item item = new Item(items.size(), call.item("in_progress"));
    item.done = true;
    items.add(item);
    ObjectNode added = event("response.output_item.added", item);
    added.remove("item_id");
    added.set("item", item.node.deepCopy());
    made.add(added);
    made.add(event("response.file_search_call.in_progress", item));
    made.add(event("response.file_search_call.searching", item));
    made.add(event("response.file_search_call.completed", item));
    item.node.removeAll().setAll(call.item("completed"));
    ObjectNode done = event("response.output_item.done", item);
    done.remove("item_id");
    done.set("item", item.node.deepCopy());
    made.add(done);
  }

  private Item openMessage(List<ObjectNode> made) {
    Item item =
        new Item(
            items.size(),
            ResponseObjects.message(ResponseIds.message(), "in_progress", null, false));
    items.add(item);
    openMessage = item;
    ObjectNode added = event("response.output_item.added", item);
    added.remove("item_id");
    added.set("item", item.node.deepCopy());
    made.add(added);
    ObjectNode part = event("response.content_part.added", item);
    part.put("content_index", 0);
    part.set("part", ResponseObjects.textPart(""));
    made.add(part);
    return item;
  }

  private void close(Item item, List<ObjectNode> made) {
    if (item.done) {
      return;
    }
    item.done = true;
    String text = item.text.toString();
    if (item.isMessage()) {
      openMessage = null;
      ArrayNode annotations =
          fileSearch.map(call -> call.annotations(text)).orElse(NODES.arrayNode());
      for (int i = 0; i < annotations.size(); i++) {
        ObjectNode added = event("response.output_text.annotation.added", item);
        added.put("content_index", 0);
        added.put("annotation_index", i);
        added.set("annotation", annotations.get(i).deepCopy());
        made.add(added);
      }
      ObjectNode done = event("response.output_text.done", item);
      done.put("content_index", 0);
      done.put("text", text);
      done.putArray("logprobs");
      made.add(done);
      ObjectNode finished = ResponseObjects.textPart(text);
      finished.set("annotations", annotations);
      ObjectNode part = event("response.content_part.done", item);
      part.put("content_index", 0);
      part.set("part", finished.deepCopy());
      made.add(part);
      item.node.put("status", "completed");
      item.node.withArray("content").removeAll().add(finished);
    } else {
      ObjectNode done = event("response.function_call_arguments.done", item);
      done.put("name", item.node.get("name").asText());
      done.put("arguments", text);
      made.add(done);
      item.node.put("status", "completed");
      item.node.put("arguments", text);
    }
    ObjectNode itemDone = event("response.output_item.done", item);
    itemDone.remove("item_id");
    itemDone.set("item", item.node.deepCopy());
    made.add(itemDone);
  }

  private ObjectNode event(String type, Item item) {
    ObjectNode event = NODES.objectNode();
    event.put("type", type);
    event.put("item_id", item.id());
    event.put("output_index", item.index);
    return event;
  }

  private ObjectNode withResponse(String type) {
    ObjectNode event = NODES.objectNode();
    event.put("type", type);
    event.set("response", response.deepCopy());
    return event;
  }

  /**
   * Numbers and sends events; the chat event's completion tokens (and cached prompt tokens) go with
   * the first one.
   */
  private void send(
      EventSink sink, List<ObjectNode> events, int completionTokens, int cachedPromptTokens) {
    send(sink, events, StreamEvent.meteringOnly(completionTokens, cachedPromptTokens));
  }

  /** Numbers and sends events; {@code counts} (all of its token counts) go with the first one. */
  private void send(EventSink sink, List<ObjectNode> events, StreamEvent counts) {
    if (events.isEmpty()) {
      if (counts.completionTokens() > 0
          || counts.cachedPromptTokens() > 0
          || counts.promptTokens() > 0
          || counts.filter().filtered()) {
        sink.send(counts.withPayload(StreamEvent.NOT_SENT));
      }
      return;
    }
    for (int i = 0; i < events.size(); i++) {
      ObjectNode e = events.get(i);
      e.put("sequence_number", sequence++);
      NamedEvent named = new NamedEvent(e.get("type").asText(), e);
      sink.send(i == 0 ? counts.withPayload(named) : new StreamEvent(named, 0));
    }
  }
}
