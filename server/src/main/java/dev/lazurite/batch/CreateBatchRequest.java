package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.Fields;
import dev.lazurite.error.ApiException;
import dev.lazurite.json.Json;
import dev.lazurite.request.BodyStage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A batch creation request, validated: the input file, an endpoint Azure runs batches for ({@code
 * /chat/completions} or {@code /embeddings}, with or without {@code /v1}), the 24-hour window,
 * metadata passed through as sent (at most 16 string pairs) and when the output files expire.
 *
 * @param metadata JSON text of the metadata object
 */
public record CreateBatchRequest(
    String inputFileId,
    String endpoint,
    String completionWindow,
    Optional<String> metadata,
    OptionalLong outputExpiresAfter) {
  static final int MAX_METADATA = 16;
  static final int MAX_KEY = 64;
  static final int MAX_VALUE = 512;

  public CreateBatchRequest {
    requireNonNull(inputFileId, "inputFileId is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(completionWindow, "completionWindow is null");
    requireNonNull(metadata, "metadata is null");
    requireNonNull(outputExpiresAfter, "outputExpiresAfter is null");
  }

  /** The model-call path the endpoint names, without {@code /v1}. */
  public String path() {
    return endpoint.startsWith("/v1/") ? endpoint.substring(3) : endpoint;
  }

  static CreateBatchRequest parse(byte[] bytes) {
    JsonNode root;
    try {
      root = Json.parse(bytes);
    } catch (IOException e) {
      throw ApiException.invalid(BodyStage.MALFORMED, null, null);
    }
    ObjectNode body = Fields.requireObjectBody(root);
    String input = Fields.requiredString(body, "input_file_id", "input_file_id");
    String endpoint = Fields.requiredString(body, "endpoint", "endpoint");
    String window = Fields.requiredString(body, "completion_window", "completion_window");
    String path = endpoint.startsWith("/v1/") ? endpoint.substring(3) : endpoint;
    if (!path.equals("/chat/completions")
        && !path.equals("/embeddings")
        && !path.equals("/responses")) {
      throw ApiException.invalid(
          "Invalid value for 'endpoint': '%s'. Supported values are: '/chat/completions',"
                  .formatted(endpoint)
              + " '/embeddings' and '/responses'.",
          "endpoint",
          "invalid_value");
    }
    if (!window.equals("24h")) {
      throw ApiException.invalid(
          "Invalid value for 'completion_window': '%s'. Supported values are: '24h'."
              .formatted(window),
          "completion_window",
          "invalid_value");
    }
    return new CreateBatchRequest(
        input, endpoint, window, metadata(body), outputExpiresAfter(body));
  }

  private static Optional<String> metadata(ObjectNode body) {
    JsonNode node = Fields.present(body, "metadata");
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw ApiException.invalid(
          "Invalid type for 'metadata': expected an object, but got "
              + typeName(node)
              + " instead.",
          "metadata",
          "invalid_type");
    }
    if (node.size() > MAX_METADATA) {
      throw ApiException.invalid(
          "Invalid 'metadata': too many properties. Expected an object with at most 16"
              + " properties, but got an object with "
              + node.size()
              + " properties instead.",
          "metadata",
          "object_above_max_properties");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var entry = it.next();
      String path = "metadata." + entry.getKey();
      if (!entry.getValue().isTextual()) {
        throw ApiException.invalid(
            "Invalid type for '%s': expected a string, but got %s instead."
                .formatted(path, typeName(entry.getValue())),
            path,
            "invalid_type");
      }
      if (entry.getKey().length() > MAX_KEY || entry.getValue().asText().length() > MAX_VALUE) {
        throw ApiException.invalid(
            "Invalid '%s': metadata keys are at most 64 characters and values at most 512."
                .formatted(path),
            path,
            "string_above_max_length");
      }
    }
    return Optional.of(Json.writeString(node));
  }

  private static OptionalLong outputExpiresAfter(ObjectNode body) {
    JsonNode node = Fields.present(body, "output_expires_after");
    if (node == null) {
      return OptionalLong.empty();
    }
    if (!node.isObject()) {
      throw ApiException.invalid(
          "Invalid type for 'output_expires_after': expected an object, but got "
              + typeName(node)
              + " instead.",
          "output_expires_after",
          "invalid_type");
    }
    String anchor = Fields.requiredString(node, "anchor", "output_expires_after.anchor");
    if (!anchor.equals("created_at")) {
      throw ApiException.invalid(
          "Invalid value for 'output_expires_after.anchor': '%s'. Supported values are:"
                  .formatted(anchor)
              + " 'created_at'.",
          "output_expires_after.anchor",
          "invalid_value");
    }
    Fields.required(node, "seconds", "output_expires_after.seconds");
    return Fields.integer(node, "seconds", "output_expires_after.seconds", 1_209_600, 2_592_000);
  }

  private static String typeName(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL, MISSING -> "null";
      case BINARY, POJO -> "a value";
    };
  }
}
