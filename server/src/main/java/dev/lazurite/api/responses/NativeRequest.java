package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Responses request for an upstream that serves the Responses API, and its answer as the client
 * gets it. The upstream does not know this resource's response ids: the stored chain of {@code
 * previous_response_id} goes upstream as input items before this turn's, and nothing is stored
 * upstream. The answer keeps this resource's id, creation time, model name and chain, and gains
 * Azure's {@code content_filters}.
 */
final class NativeRequest {
  /** What the upstream must not see: ids of this resource and settings it handles itself. */
  private static final List<String> LOCAL =
      List.of("previous_response_id", "background", "store", "stream", "stream_options");

  private NativeRequest() {}

  static ObjectNode body(ObjectNode caller, ResponsesRequest request, List<ObjectNode> context) {
    ObjectNode upstream = caller.deepCopy();
    upstream.remove(LOCAL);
    ArrayNode input = upstream.putArray("input");
    context.forEach(input::add);
    request.input().forEach(input::add);
    upstream.put("store", false);
    return upstream;
  }

  /**
   * @param upstream the upstream's response object
   * @param created this resource's response as it started
   * @param promptFilter the prompt's {@code content_filter_results}, or null
   * @param completionFilter the answer's {@code content_filter_results}, or null
   */
  static ObjectNode adopt(
      ObjectNode upstream, ObjectNode created, JsonNode promptFilter, JsonNode completionFilter) {
    ObjectNode response = upstream.deepCopy();
    for (String field :
        List.of(
            "id",
            "object",
            "created_at",
            "model",
            "previous_response_id",
            "store",
            "background",
            "metadata")) {
      response.set(field, created.get(field));
    }
    ArrayNode filters = response.putArray("content_filters");
    if (promptFilter != null && !promptFilter.isNull()) {
      filters.add(ResponseObjects.filter("prompt", false, promptFilter));
    }
    if (completionFilter != null && !completionFilter.isNull()) {
      filters.add(ResponseObjects.filter("completion", false, completionFilter));
    }
    if (filters.isEmpty()) {
      response.remove("content_filters");
    }
    return response;
  }
}
