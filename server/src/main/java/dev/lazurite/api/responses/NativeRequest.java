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
    context.stream().filter(item -> !searched(item)).forEach(input::add);
    request.input().stream().filter(item -> !searched(item)).forEach(input::add);
    upstream.put("store", false);
    if (request.fileSearch().isPresent()) {
      withoutFileSearch(upstream);
    }
    return upstream;
  }

  /** A file search the gateway ran itself, whose documents reach the upstream in the prompt. */
  private static boolean searched(ObjectNode item) {
    return item.path("type").asText().equals("file_search_call");
  }

  /**
   * The gateway searches its own indexes and grounds the instructions: the upstream gets neither
   * the tool, nor a choice of it, nor a request for its results.
   */
  private static void withoutFileSearch(ObjectNode upstream) {
    JsonNode given = upstream.path("tools");
    ArrayNode kept = upstream.arrayNode();
    given.forEach(
        tool -> {
          if (!tool.path("type").asText().equals(FileSearchTool.TYPE)) {
            kept.add(tool);
          }
        });
    if (kept.isEmpty()) {
      upstream.remove("tools");
      upstream.remove("tool_choice");
    } else {
      upstream.set("tools", kept);
    }
    if (upstream.path("tool_choice").path("type").asText().equals(FileSearchTool.TYPE)) {
      upstream.put("tool_choice", "auto");
    }
    if (upstream.get("include") instanceof ArrayNode include) {
      ArrayNode rest = upstream.arrayNode();
      include.forEach(
          entry -> {
            if (!entry.asText().equals("file_search_call.results")) {
              rest.add(entry);
            }
          });
      upstream.set("include", rest);
    }
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
