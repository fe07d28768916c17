package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.tokens.TokenCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stage of each Responses operation: create translates to chat inside the model-call pipeline,
 * input tokens counts a request's prompt without calling a model; retrieve, delete, input items and
 * cancel answer from the caller's stored responses (cancel stops a background response that has not
 * ended).
 */
public final class ResponseStages {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResponseStages() {}

  /**
   * @param searchServices the search services whose indexes {@code file_search} tools search
   */
  public static Map<Operation, Stage> of(
      ResponseStore store,
      TokenCounter tokens,
      Clock clock,
      dev.lazurite.searchservice.SearchServices searchServices) {
    BackgroundResponses background =
        new BackgroundResponses(store, clock, BackgroundResponses.CAPACITY);
    StoredResponses stored = new StoredResponses(store, clock, background);
    ResponseEvents events = new ResponseEvents(store, clock, background);
    return Map.of(
        Operation.RESPONSES_CREATE,
            new CreateResponseStage(
                store, clock, background, events, new VectorStores(searchServices)),
        Operation.RESPONSES_INPUT_TOKENS, new InputTokensStage(store, tokens, clock),
        Operation.RESPONSES_GET, (exchange, chain) -> retrieve(exchange, stored, events),
        Operation.RESPONSES_DELETE,
            (exchange, chain) -> {
              stored.delete(exchange);
              ObjectNode deleted = NODES.objectNode();
              deleted.put("id", StoredResponses.id(exchange));
              deleted.put("object", "response");
              deleted.put("deleted", true);
              return Response.Json.ok(deleted);
            },
        Operation.RESPONSES_INPUT_ITEMS,
            (exchange, chain) ->
                Response.Json.ok(
                    inputItems(
                        stored.named(exchange).inputItems(),
                        exchange.request().queryParam("limit").orElse("20"),
                        exchange.request().queryParam("order").orElse("desc"),
                        exchange.request().queryParam("after").orElse(""))),
        Operation.RESPONSES_CANCEL,
            (exchange, chain) -> Response.Json.ok(cancel(stored.named(exchange), background)));
  }

  /**
   * A stored response, or with {@code stream=true} its events after {@code starting_after} and then
   * live until it ends (a streamed background response only).
   */
  private static Response retrieve(
      dev.lazurite.pipeline.Exchange exchange, StoredResponses stored, ResponseEvents events) {
    boolean stream =
        exchange.request().queryParam("stream").filter(v -> v.equalsIgnoreCase("true")).isPresent();
    if (!stream) {
      return Response.Json.ok(stored.named(exchange).body());
    }
    long after = ResponseEvents.startingAfter(exchange.request().queryParam("starting_after"));
    return Response.Stream.of(events.resume(stored.named(exchange), after), 0);
  }

  /**
   * Cancels a background response that is queued or in progress; cancelling a cancelled one answers
   * it again, and one that ended another way (or a synchronous one) cannot be cancelled.
   */
  static ObjectNode cancel(StoredResponse response, BackgroundResponses background) {
    if (!response.body().path("background").asBoolean(false)) {
      throw ApiException.invalid("Cannot cancel a synchronous response.", null, "invalid_request");
    }
    StoredResponse now = response.running() ? background.cancel(response) : response;
    String status = now.status();
    if (!status.equals("cancelled")) {
      throw ApiException.invalid(
          "Cannot cancel a response with status '" + status + "'.", null, "invalid_request");
    }
    return now.body();
  }

  static ObjectNode inputItems(
      List<ObjectNode> items, String limitText, String order, String after) {
    int limit;
    try {
      limit = Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      throw ApiException.invalid(
          "Invalid 'limit': expected an integer, but got '" + limitText + "' instead.",
          "limit",
          "invalid_type");
    }
    if (limit < 1 || limit > 100) {
      throw ApiException.invalid(
          "Invalid 'limit': expected a value between 1 and 100, but got " + limit + " instead.",
          "limit",
          "invalid_value");
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw dev.lazurite.api.Fields.invalidValue("order", order, List.of("asc", "desc"));
    }
    List<ObjectNode> ordered = new ArrayList<>(items);
    if (order.equals("desc")) {
      java.util.Collections.reverse(ordered);
    }
    int start = 0;
    if (!after.isEmpty()) {
      start = -1;
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i).path("id").asText().equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw ApiException.invalid(
            "Invalid 'after': no input item has id '" + after + "'.", "after", "invalid_value");
      }
    }
    int end = Math.min(ordered.size(), start + limit);
    ObjectNode list = NODES.objectNode();
    list.put("object", "list");
    ArrayNode data = list.putArray("data");
    ordered.subList(start, end).forEach(data::add);
    JsonNode first = data.isEmpty() ? null : data.get(0).get("id");
    JsonNode last = data.isEmpty() ? null : data.get(data.size() - 1).get("id");
    list.set("first_id", first == null ? NODES.nullNode() : first);
    list.set("last_id", last == null ? NODES.nullNode() : last);
    list.put("has_more", end < ordered.size());
    return list;
  }
}
