package dev.lazurite.api.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The response object: its fields in the order the service writes them, its output items, usage and
 * Azure's {@code content_filters}, built from a chat completion.
 */
final class ResponseObjects {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResponseObjects() {}

  /** A response with no output yet, as {@code response.created} carries it. */
  static ObjectNode start(
      ResponsesRequest request,
      String id,
      long createdAt,
      String model,
      Optional<String> previous,
      boolean reasoningModel) {
    ObjectNode r = NODES.objectNode();
    r.put("id", id);
    r.put("object", "response");
    r.put("created_at", createdAt);
    r.put("status", "in_progress");
    r.put("background", request.background());
    r.putNull("error");
    r.putNull("incomplete_details");
    r.put("instructions", request.instructions().orElse(null));
    if (request.maxOutputTokens().isPresent()) {
      r.put("max_output_tokens", request.maxOutputTokens().getAsInt());
    } else {
      r.putNull("max_output_tokens");
    }
    r.put("model", model);
    r.putArray("output");
    r.put("parallel_tool_calls", request.parallelToolCalls());
    r.put("previous_response_id", previous.orElse(null));
    if (reasoningModel) {
      ObjectNode reasoning = r.putObject("reasoning");
      reasoning.put(
          "effort",
          request.reasoning().map(x -> x.path("effort").asText("medium")).orElse("medium"));
      reasoning.set(
          "summary", request.reasoning().map(x -> x.path("summary")).orElse(NODES.nullNode()));
      if (reasoning.get("summary").isMissingNode()) {
        reasoning.putNull("summary");
      }
    } else {
      r.putNull("reasoning");
    }
    r.put("store", request.store());
    r.put("temperature", request.temperature().orElse(1.0));
    r.set("text", request.text().deepCopy());
    r.set("tool_choice", request.toolChoice().deepCopy());
    r.set("tools", request.tools().deepCopy());
    r.put("top_p", request.topP().orElse(1.0));
    r.put("truncation", request.truncation());
    r.putNull("usage");
    r.put("user", request.user().orElse(null));
    r.set("metadata", request.metadata().deepCopy());
    return r;
  }

  /**
   * Finishes {@code response} from its output items and what the chat answer reported.
   *
   * @param finishReason the chat finish reason ({@code stop}, {@code length}, …)
   * @param usage the chat usage, or null when none was reported
   * @param promptFilter the prompt's {@code content_filter_results}, or null
   * @param completionFilter the answer's {@code content_filter_results}, or null
   */
  static void finish(
      ObjectNode response,
      List<ObjectNode> output,
      String finishReason,
      JsonNode usage,
      JsonNode promptFilter,
      JsonNode completionFilter,
      long completedAt) {
    ArrayNode items = response.putArray("output");
    output.forEach(items::add);
    switch (finishReason) {
      case "length" -> incomplete(response, "max_output_tokens");
      case "content_filter" -> incomplete(response, "content_filter");
      default -> response.put("status", "completed");
    }
    response.put("completed_at", completedAt);
    response.set("usage", usage(usage));
    ArrayNode filters = NODES.arrayNode();
    if (promptFilter != null && !promptFilter.isNull()) {
      filters.add(filter("prompt", false, promptFilter));
    }
    if (completionFilter != null && !completionFilter.isNull()) {
      filters.add(filter("completion", finishReason.equals("content_filter"), completionFilter));
    }
    if (!filters.isEmpty()) {
      response.set("content_filters", filters);
    }
  }

  /**
   * Ends {@code response} as {@code failed} with the output produced so far (each item left {@code
   * incomplete}) and the error OpenAI reports: {@code rate_limit_exceeded} when the model was
   * throttled, {@code server_error} otherwise.
   */
  static void fail(
      ObjectNode response, List<ObjectNode> output, int errorStatus, String message, long at) {
    ArrayNode items = response.putArray("output");
    for (ObjectNode item : output) {
      if (!item.path("status").asText().equals("completed")) {
        item.put("status", "incomplete");
      }
      items.add(item);
    }
    response.put("status", "failed");
    response.put("completed_at", at);
    response
        .putObject("error")
        .put("code", errorStatus == 429 ? "rate_limit_exceeded" : "server_error")
        .put("message", message);
  }

  private static void incomplete(ObjectNode response, String reason) {
    response.put("status", "incomplete");
    response.putObject("incomplete_details").put("reason", reason);
  }

  static ObjectNode filter(String source, boolean blocked, JsonNode results) {
    ObjectNode entry = NODES.objectNode();
    entry.put("blocked", blocked);
    entry.put("source_type", source);
    entry.set("content_filter_results", results.deepCopy());
    return entry;
  }

  /** Chat usage in the Responses form. */
  static ObjectNode usage(JsonNode chat) {
    if (chat == null || chat.isNull()) {
      return null;
    }
    ObjectNode usage = NODES.objectNode();
    int input = chat.path("prompt_tokens").asInt();
    int output = chat.path("completion_tokens").asInt();
    usage.put("input_tokens", input);
    // OpenAI's newest usage also reports prompt-cache writes (openai-java requires the field).
    usage
        .putObject("input_tokens_details")
        .put("cached_tokens", chat.path("prompt_tokens_details").path("cached_tokens").asInt())
        .put(
            "cache_write_tokens",
            chat.path("prompt_tokens_details").path("cache_write_tokens").asInt());
    usage.put("output_tokens", output);
    usage
        .putObject("output_tokens_details")
        .put(
            "reasoning_tokens",
            chat.path("completion_tokens_details").path("reasoning_tokens").asInt());
    usage.put("total_tokens", chat.path("total_tokens").asInt(input + output));
    return usage;
  }

  /** An assistant message item with one text part, or a refusal. */
  static ObjectNode message(String id, String status, String text, boolean refusal) {
    ObjectNode item = NODES.objectNode();
    item.put("id", id);
    item.put("type", "message");
    item.put("status", status);
    item.put("role", "assistant");
    ArrayNode content = item.putArray("content");
    if (text != null) {
      content.add(refusal ? refusalPart(text) : textPart(text));
    }
    return item;
  }

  static ObjectNode textPart(String text) {
    ObjectNode part = NODES.objectNode();
    part.put("type", "output_text");
    part.put("text", text);
    part.putArray("annotations");
    part.putArray("logprobs");
    return part;
  }

  static ObjectNode refusalPart(String refusal) {
    return NODES.objectNode().put("type", "refusal").put("refusal", refusal);
  }

  static ObjectNode functionCall(
      String id, String status, String callId, String name, String arguments) {
    ObjectNode item = NODES.objectNode();
    item.put("id", id);
    item.put("type", "function_call");
    item.put("status", status);
    item.put("arguments", arguments);
    item.put("call_id", callId);
    item.put("name", name);
    return item;
  }

  /** The output items of a whole chat completion's first choice. */
  static List<ObjectNode> output(JsonNode message) {
    List<ObjectNode> items = new java.util.ArrayList<>();
    JsonNode content = message.path("content");
    JsonNode refusal = message.path("refusal");
    JsonNode calls = message.path("tool_calls");
    if (refusal.isTextual()) {
      items.add(message(ResponseIds.message(), "completed", refusal.asText(), true));
    } else if ((content.isTextual() && !content.asText().isEmpty())
        || !calls.isArray()
        || calls.isEmpty()) {
      items.add(message(ResponseIds.message(), "completed", content.asText(""), false));
    }
    for (JsonNode call : calls) {
      items.add(
          functionCall(
              ResponseIds.functionCall(),
              "completed",
              call.path("id").asText(),
              call.path("function").path("name").asText(),
              call.path("function").path("arguments").asText("")));
    }
    return items;
  }
}
