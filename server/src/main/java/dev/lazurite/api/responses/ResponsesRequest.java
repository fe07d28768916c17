package dev.lazurite.api.responses;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A validated {@code POST /responses} body.
 *
 * @param input this turn's input items in their full form, each with an id
 * @param tools the tools as the response repeats them: functions and a {@code file_search}
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or {@code {"type":
 *     "function","name"}}
 * @param text {@code {"format":{…}}}, {@code text} format when the request gave none
 * @param reasoning the request's {@code reasoning} object, when given
 * @param fileSearch the request's {@code file_search} tool, when given
 * @param fileSearchResults whether {@code include} asks for {@code file_search_call.results}
 */
public record ResponsesRequest(
    String model,
    List<ObjectNode> input,
    Optional<String> instructions,
    Optional<String> previousResponseId,
    boolean store,
    boolean stream,
    boolean background,
    ArrayNode tools,
    JsonNode toolChoice,
    ObjectNode text,
    Optional<ObjectNode> reasoning,
    OptionalDouble temperature,
    OptionalDouble topP,
    OptionalInt maxOutputTokens,
    ObjectNode metadata,
    boolean parallelToolCalls,
    Optional<String> user,
    String truncation,
    Optional<FileSearchTool> fileSearch,
    boolean fileSearchResults) {
  public ResponsesRequest {
    requireNonNull(model, "model is null");
    input = List.copyOf(input);
    requireNonNull(instructions, "instructions is null");
    requireNonNull(previousResponseId, "previousResponseId is null");
    requireNonNull(tools, "tools is null");
    requireNonNull(toolChoice, "toolChoice is null");
    requireNonNull(text, "text is null");
    requireNonNull(reasoning, "reasoning is null");
    requireNonNull(temperature, "temperature is null");
    requireNonNull(topP, "topP is null");
    requireNonNull(maxOutputTokens, "maxOutputTokens is null");
    requireNonNull(metadata, "metadata is null");
    requireNonNull(user, "user is null");
    requireNonNull(truncation, "truncation is null");
    requireNonNull(fileSearch, "fileSearch is null");
  }
}
