package dev.lazurite.api.responses;

import static dev.lazurite.api.Fields.decimal;
import static dev.lazurite.api.Fields.invalidType;
import static dev.lazurite.api.Fields.invalidValue;
import static dev.lazurite.api.Fields.object;
import static dev.lazurite.api.Fields.required;
import static dev.lazurite.api.Fields.smallInteger;
import static dev.lazurite.api.Fields.string;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A {@code file_search} tool of a Responses request, validated: the vector stores (search indexes
 * of the caller's account) to search, how many results, an attribute filter and a score threshold.
 *
 * @param path where the tool stands in the request ({@code tools[i]}), for errors
 * @param filters the {@code filters} object as given (checked against the index when resolved)
 * @param scoreThreshold {@code ranking_options.score_threshold}, from 0 to 1
 * @param echo the tool as the response object repeats it
 */
record FileSearchTool(
    String path,
    List<String> vectorStoreIds,
    int maxNumResults,
    Optional<ObjectNode> filters,
    OptionalDouble scoreThreshold,
    ObjectNode echo) {
  static final String TYPE = "file_search";
  static final int DEFAULT_RESULTS = 10;
  private static final Set<String> KNOWN =
      Set.of("type", "vector_store_ids", "max_num_results", "filters", "ranking_options");
  private static final Set<String> RANKING = Set.of("ranker", "score_threshold");
  private static final List<String> RANKERS = List.of("auto", "default-2024-11-15");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  FileSearchTool {
    requireNonNull(path, "path is null");
    vectorStoreIds = List.copyOf(vectorStoreIds);
    requireNonNull(filters, "filters is null");
    requireNonNull(scoreThreshold, "scoreThreshold is null");
    requireNonNull(echo, "echo is null");
  }

  static FileSearchTool parse(JsonNode tool, String path) {
    rejectUnknown(tool, KNOWN, path);
    JsonNode ids = required(tool, "vector_store_ids", path + ".vector_store_ids");
    if (!ids.isArray()) {
      throw invalidType(path + ".vector_store_ids", "an array", ids);
    }
    if (ids.isEmpty()) {
      throw ApiException.invalid(
          "Invalid '"
              + path
              + ".vector_store_ids': empty array. Expected an array with minimum length 1, but got"
              + " an empty array instead.",
          path + ".vector_store_ids",
          "empty_array");
    }
    if (ids.size() > 1) {
      throw ApiException.invalid(
          "Invalid '"
              + path
              + ".vector_store_ids': a file_search tool searches one vector store here, but "
              + ids.size()
              + " were given.",
          path + ".vector_store_ids",
          "array_above_max_length");
    }
    List<String> stores = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      String at = path + ".vector_store_ids[" + i + "]";
      if (!id.isTextual()) {
        throw invalidType(at, "a string", id);
      }
      if (id.asText().isBlank()) {
        throw ApiException.invalid(
            "Invalid '" + at + "': expected a non-empty string.", at, "invalid_value");
      }
      stores.add(id.asText());
    }
    int results =
        smallInteger(tool, "max_num_results", path + ".max_num_results", 1, 50)
            .orElse(DEFAULT_RESULTS);
    ObjectNode filters = object(tool, "filters", path + ".filters");
    if (filters != null) {
      FileSearchFilters.check(filters, path + ".filters");
    }
    ObjectNode ranking = object(tool, "ranking_options", path + ".ranking_options");
    OptionalDouble threshold = OptionalDouble.empty();
    String ranker = "auto";
    if (ranking != null) {
      rejectUnknown(ranking, RANKING, path + ".ranking_options");
      ranker = string(ranking, "ranker", path + ".ranking_options.ranker").orElse("auto");
      if (!RANKERS.contains(ranker)) {
        throw invalidValue(path + ".ranking_options.ranker", ranker, RANKERS);
      }
      threshold =
          decimal(ranking, "score_threshold", path + ".ranking_options.score_threshold", 0, 1);
    }
    ObjectNode echo = NODES.objectNode();
    echo.put("type", TYPE);
    echo.set("vector_store_ids", ids.deepCopy());
    echo.put("max_num_results", results);
    echo.set("filters", filters == null ? NODES.nullNode() : filters.deepCopy());
    ObjectNode rankingEcho = echo.putObject("ranking_options").put("ranker", ranker);
    if (threshold.isPresent()) {
      rankingEcho.put("score_threshold", threshold.getAsDouble());
    } else {
      rankingEcho.put("score_threshold", 0.0);
    }
    return new FileSearchTool(path, stores, results, Optional.ofNullable(filters), threshold, echo);
  }

  /**
   * The On Your Data strictness the score threshold comes to: the relevance (cosine similarity of
   * question and document) a document needs is 0 at strictness 1, then 0.1 more per level up to 0.4
   * at 5; a threshold rounds down to the nearest level.
   */
  int strictness() {
    if (scoreThreshold.isEmpty()) {
      return 1;
    }
    return Math.min(5, 1 + (int) Math.floor(scoreThreshold.getAsDouble() * 10 + 1e-9));
  }

  /** A 400 naming the first field of {@code node} at {@code path} that is not {@code known}. */
  static void rejectUnknown(JsonNode node, Set<String> known, String path) {
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.invalid(
            "Unknown parameter: '" + path + "." + name + "'.",
            path + "." + name,
            "unknown_parameter");
      }
    }
  }
}
