package dev.lazurite.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a batch's input file line by line, as Azure validates it: each line a JSON request with a
 * {@code custom_id} unique in the file, method {@code POST}, the batch's endpoint as {@code url}
 * (with or without {@code /v1}) and a body naming one batch deployment of the resource as {@code
 * model}; at most 100,000 lines, at least one. Valid lines go to a sink in chunks while the file is
 * read; nothing of the file is held whole.
 */
final class InputValidator {
  static final int MAX_TASKS = 100_000;
  static final int MAX_ERRORS = 100;
  static final int CHUNK = 500;

  /** What validation found. */
  sealed interface Result {
    record Valid(String deployment, long total) implements Result {}

    record Invalid(List<BatchError> errors) implements Result {}
  }

  private InputValidator() {}

  /**
   * @param path the batch endpoint's path without {@code /v1}
   * @param sink receives valid lines in order, in chunks, until the first error is found
   */
  static Result validate(
      InputStream input, String path, AccountRuntime account, Consumer<List<BatchLine>> sink)
      throws IOException {
    var reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
    List<BatchError> errors = new ArrayList<>();
    List<BatchLine> chunk = new ArrayList<>(CHUNK);
    Set<String> customIds = new HashSet<>();
    String model = null;
    long firstModelLine = 0;
    long number = 0;
    long tasks = 0;
    String text;
    while ((text = reader.readLine()) != null && errors.size() < MAX_ERRORS) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      if (++tasks > MAX_TASKS) {
        errors.add(BatchError.of(BatchErrorCode.TOO_MANY_TASKS));
        break;
      }
      Optional<ObjectNode> line = parse(text);
      if (line.isEmpty()) {
        errors.add(BatchError.atLine(BatchErrorCode.INVALID_JSON_LINE, number));
        continue;
      }
      ObjectNode request = line.get();
      JsonNode customId = request.path("custom_id");
      JsonNode url = request.path("url");
      JsonNode body = request.path("body");
      JsonNode lineModel = body.path("model");
      if (!customId.isTextual()
          || !request.path("method").asText("").equalsIgnoreCase("POST")
          || !url.isTextual()
          || !body.isObject()
          || !lineModel.isTextual()) {
        errors.add(BatchError.atLine(BatchErrorCode.INVALID_REQUEST, number));
        continue;
      }
      if (!withoutV1(url.asText()).equals(path)) {
        errors.add(BatchError.atLine(BatchErrorCode.URL_MISMATCH, number));
        continue;
      }
      if (model == null) {
        model = lineModel.asText();
        firstModelLine = number;
      } else if (!model.equals(lineModel.asText())) {
        errors.add(BatchError.atLine(BatchErrorCode.MODEL_MISMATCH, number));
        continue;
      }
      if (!customIds.add(customId.asText())) {
        errors.add(BatchError.atLine(BatchErrorCode.DUPLICATE_CUSTOM_ID, number));
        continue;
      }
      if (errors.isEmpty()) {
        ObjectNode sent = (ObjectNode) body;
        // Lines are answered whole, never streamed.
        sent.remove("stream");
        sent.remove("stream_options");
        chunk.add(new BatchLine(number, customId.asText(), Json.writeString(sent)));
        if (chunk.size() == CHUNK) {
          sink.accept(List.copyOf(chunk));
          chunk.clear();
        }
      }
    }
    if (errors.isEmpty() && tasks == 0) {
      errors.add(BatchError.of(BatchErrorCode.EMPTY_FILE));
    }
    if (errors.isEmpty()) {
      Optional<DeploymentRuntime> deployment = account.deployment(model);
      if (deployment.isEmpty()) {
        errors.add(BatchError.atLine(BatchErrorCode.MODEL_NOT_FOUND, firstModelLine));
      } else if (!EnqueuedTokens.isBatchDeployment(deployment.get())) {
        errors.add(BatchError.atLine(BatchErrorCode.INVALID_REQUEST, firstModelLine));
      }
    }
    if (!errors.isEmpty()) {
      return new Result.Invalid(errors);
    }
    if (!chunk.isEmpty()) {
      sink.accept(List.copyOf(chunk));
    }
    return new Result.Valid(model, tasks);
  }

  private static Optional<ObjectNode> parse(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String withoutV1(String url) {
    return url.startsWith("/v1/") ? url.substring(3) : url;
  }
}
