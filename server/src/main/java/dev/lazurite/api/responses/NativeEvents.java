package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.NativeResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An upstream's own Responses events, as they come out of the pipeline (each inside the chat chunk
 * that carried it past the completion filter), turned back into the client's events: in the
 * upstream's order, with this resource's response id, creation time, model name and chain on every
 * response object, and Azure's {@code content_filters} on the last one. The upstream's {@code
 * response.created} and {@code response.in_progress} are the ones already sent for this response.
 * When the completion filter ends the text, nothing more of the upstream's is sent: the open items
 * end with the text released so far and the response ends {@code incomplete} ({@code
 * content_filter}), with the upstream's usage, which bills what the model produced.
 */
final class NativeEvents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> ALREADY_SENT =
      Set.of("response.created", "response.in_progress", "response.queued");
  private static final Set<String> TERMINAL = Set.of("response.completed", "response.incomplete");

  private final ObjectNode response;
  private JsonNode promptFilter;
  private JsonNode completionFilter;

  /** Output items by index, as last seen; the text released so far of each, by item id. */
  private final Map<Integer, ObjectNode> items = new LinkedHashMap<>();

  private final Map<String, StringBuilder> released = new LinkedHashMap<>();
  private boolean cut;

  /** The file search the gateway ran: its call is output item 0, the upstream's items follow. */
  private final Optional<FileSearchCall> fileSearch;

  private JsonNode usage;
  private ObjectNode finished;

  /**
   * @param response this resource's response as created
   * @param promptFilter the prompt's annotations seen before the first upstream event, or null
   */
  NativeEvents(ObjectNode response, JsonNode promptFilter, Optional<FileSearchCall> fileSearch) {
    this.response = response;
    this.promptFilter = promptFilter;
    this.fileSearch = fileSearch;
  }

  /** Whether a chunk came from an upstream that streams Responses events itself. */
  static boolean carries(JsonNode chunk) {
    return chunk.has(NativeResponses.EVENT_FIELD);
  }

  /** The client's events made from one chunk of the pipeline (none when it only annotates). */
  List<ObjectNode> accept(JsonNode chunk) {
    List<ObjectNode> made = new ArrayList<>();
    JsonNode prompt = chunk.path("prompt_filter_results");
    if (prompt.isArray() && !prompt.isEmpty()) {
      promptFilter = prompt.get(0).path("content_filter_results");
    }
    JsonNode choice = chunk.path("choices").path(0);
    if (choice.hasNonNull("content_filter_results")
        && !choice.get("content_filter_results").isEmpty()) {
      completionFilter = choice.get("content_filter_results");
    }
    if (choice.path("finish_reason").asText("").equals("content_filter")) {
      cut = true;
    }
    if (!(chunk.get(NativeResponses.EVENT_FIELD) instanceof ObjectNode carried)) {
      return made;
    }
    String type = carried.path("type").asText("");
    if (TERMINAL.contains(type)) {
      usage = carried.path("response").get("usage");
    }
    if (cut || ALREADY_SENT.contains(type)) {
      return made;
    }
    ObjectNode event = carried.deepCopy();
    if (TERMINAL.contains(type) && event.get("response") instanceof ObjectNode upstream) {
      finished = NativeRequest.adopt(upstream, response, promptFilter, completionFilter);
      fileSearch.ifPresent(call -> withCall(call, finished));
      event.set("response", finished.deepCopy());
    } else {
      if (fileSearch.isPresent() && event.path("output_index").isInt()) {
        event.put("output_index", event.get("output_index").asInt() + 1);
        cite(fileSearch.get(), type, event, made);
      }
      track(type, event);
    }
    made.add(event);
    return made;
  }

  /** The citations of a finished text, on the events that carry it. */
  private static void cite(
      FileSearchCall call, String type, ObjectNode event, List<ObjectNode> made) {
    switch (type) {
      case "response.output_text.done" -> {
        ArrayNode annotations = call.annotations(event.path("text").asText(""));
        for (int i = 0; i < annotations.size(); i++) {
          ObjectNode added =
              event(
                  "response.output_text.annotation.added",
                  event.path("item_id").asText(),
                  event.get("output_index").asInt());
          added.put("content_index", event.path("content_index").asInt(0));
          added.put("annotation_index", i);
          added.set("annotation", annotations.get(i));
          made.add(added);
        }
      }
      case "response.content_part.done" -> {
        if (event.get("part") instanceof ObjectNode part
            && part.path("type").asText().equals("output_text")) {
          part.set("annotations", call.annotations(part.path("text").asText("")));
        }
      }
      case "response.output_item.done" -> {
        if (event.get("item") instanceof ObjectNode item
            && item.path("type").asText().equals("message")) {
          call.annotate(item);
        }
      }
      default -> {}
    }
  }

  /** A finished response's output with the call first and the citations on its text. */
  private static void withCall(FileSearchCall call, ObjectNode finished) {
    List<ObjectNode> output = new ArrayList<>();
    finished.withArray("output").forEach(item -> output.add((ObjectNode) item));
    finished.putArray("output").addAll(call.decorate(output, null));
  }

  private void track(String type, ObjectNode event) {
    int index = event.path("output_index").asInt(-1);
    switch (type) {
      case "response.output_item.added", "response.output_item.done" -> {
        if (event.get("item") instanceof ObjectNode item) {
          items.put(index, item.deepCopy());
        }
      }
      case "response.output_text.delta" ->
          released
              .computeIfAbsent(event.path("item_id").asText(), id -> new StringBuilder())
              .append(event.path("delta").asText(""));
      default -> {}
    }
  }

  /**
   * The events that end a response the filter cut short (none otherwise), after the upstream's
   * stream ended.
   */
  List<ObjectNode> end(long completedAt) {
    List<ObjectNode> made = new ArrayList<>();
    if (!cut) {
      return made;
    }
    List<ObjectNode> output = new ArrayList<>();
    for (Map.Entry<Integer, ObjectNode> entry : items.entrySet()) {
      ObjectNode item = entry.getValue();
      if (!item.path("status").asText().equals("completed")) {
        closeItem(entry.getKey(), item, made);
      }
      output.add(item.deepCopy());
    }
    ObjectNode end = response.deepCopy();
    end.putArray("output").addAll(output);
    fileSearch.ifPresent(call -> withCall(call, end));
    end.put("status", "incomplete");
    end.putObject("incomplete_details").put("reason", "content_filter");
    end.put("completed_at", completedAt);
    if (usage != null && usage.isObject()) {
      end.set("usage", usage.deepCopy());
    }
    var filters = end.putArray("content_filters");
    if (promptFilter != null && !promptFilter.isNull()) {
      filters.add(ResponseObjects.filter("prompt", false, promptFilter));
    }
    filters.add(
        ResponseObjects.filter(
            "completion", true, completionFilter == null ? NODES.objectNode() : completionFilter));
    finished = end;
    ObjectNode incomplete = NODES.objectNode().put("type", "response.incomplete");
    incomplete.set("response", end.deepCopy());
    made.add(incomplete);
    return made;
  }

  /** Ends an item the filter interrupted with the text the client received. */
  private void closeItem(int index, ObjectNode item, List<ObjectNode> made) {
    String id = item.path("id").asText();
    item.put("status", "incomplete");
    if (item.path("type").asText().equals("message")) {
      String text = released.getOrDefault(id, new StringBuilder()).toString();
      ObjectNode done = event("response.output_text.done", id, index).put("content_index", 0);
      done.put("text", text);
      made.add(done);
      ObjectNode part = event("response.content_part.done", id, index).put("content_index", 0);
      part.set("part", ResponseObjects.textPart(text));
      made.add(part);
      item.putArray("content").add(ResponseObjects.textPart(text));
    }
    ObjectNode done = NODES.objectNode().put("type", "response.output_item.done");
    done.put("output_index", index);
    done.set("item", item.deepCopy());
    made.add(done);
  }

  private static ObjectNode event(String type, String itemId, int index) {
    return NODES.objectNode().put("type", type).put("item_id", itemId).put("output_index", index);
  }

  /** The response as it ended, once it has: the upstream's last one, or the one the filter cut. */
  ObjectNode finished() {
    return finished;
  }

  /** The output items so far, for a response that failed. */
  List<ObjectNode> output() {
    List<ObjectNode> output = new ArrayList<>();
    items.values().forEach(i -> output.add(i.deepCopy()));
    return output;
  }
}
