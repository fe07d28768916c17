package dev.lazurite.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.OptionalLong;

/** Azure's batch object, list and output lines, as JSON. */
final class BatchJson {
  private BatchJson() {}

  /** The batch object, with the request counts given (live ones while lines run). */
  static ObjectNode batch(Batch b, Batch.RequestCounts counts) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", b.id());
    node.put("object", "batch");
    node.put("endpoint", b.endpoint());
    if (b.errors().isEmpty()) {
      node.putNull("errors");
    } else {
      ObjectNode errors = node.putObject("errors");
      errors.put("object", "list");
      ArrayNode data = errors.putArray("data");
      for (BatchError e : b.errors()) {
        ObjectNode entry = data.addObject();
        entry.put("code", e.code());
        entry.put("message", e.message());
        entry.put("param", e.param().orElse(null));
        putTime(entry, "line", e.line());
      }
    }
    node.put("input_file_id", b.inputFileId());
    node.put("completion_window", b.completionWindow());
    node.put("status", b.status().wire());
    node.put("output_file_id", b.outputFileId().orElse(null));
    node.put("error_file_id", b.errorFileId().orElse(null));
    node.put("created_at", b.createdAt());
    putTime(node, "in_progress_at", b.at(BatchStatus.IN_PROGRESS));
    node.put("expires_at", b.expiresAt());
    for (BatchStatus status :
        List.of(
            BatchStatus.FINALIZING,
            BatchStatus.COMPLETED,
            BatchStatus.FAILED,
            BatchStatus.EXPIRED,
            BatchStatus.CANCELLING,
            BatchStatus.CANCELLED)) {
      putTime(node, status.timestampField(), b.at(status));
    }
    ObjectNode requestCounts = node.putObject("request_counts");
    requestCounts.put("total", counts.total());
    requestCounts.put("completed", counts.completed());
    requestCounts.put("failed", counts.failed());
    if (b.metadata().isPresent()) {
      node.set("metadata", Json.read(b.metadata().get(), JsonNode.class));
    } else {
      node.putNull("metadata");
    }
    return node;
  }

  static ObjectNode list(List<ObjectNode> batches, boolean hasMore) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("object", "list");
    ArrayNode data = node.putArray("data");
    data.addAll(batches);
    node.put("first_id", batches.isEmpty() ? null : batches.getFirst().path("id").asText());
    node.put("last_id", batches.isEmpty() ? null : batches.getLast().path("id").asText());
    node.put("has_more", hasMore);
    return node;
  }

  /** One line of the output or error file: no top-level id, as Azure writes them. */
  static String outputLine(LineAnswer answer) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("custom_id", answer.customId());
    ObjectNode response = node.putObject("response");
    response.put("status_code", answer.statusCode());
    response.put("request_id", answer.requestId());
    response.set("body", Json.read(answer.body(), JsonNode.class));
    node.putNull("error");
    return Json.writeString(node);
  }

  private static void putTime(ObjectNode node, String field, OptionalLong value) {
    if (value.isPresent()) {
      node.put(field, value.getAsLong());
    } else {
      node.putNull(field);
    }
  }
}
