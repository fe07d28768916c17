package dev.lazurite.store.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lazurite.batch.Batch;
import dev.lazurite.batch.BatchError;
import dev.lazurite.batch.BatchStatus;
import dev.lazurite.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Batch rows to records and back. */
final class BatchRows {
  private BatchRows() {}

  static Batch batch(ResultSet rs) throws SQLException {
    Map<BatchStatus, Long> reached = new EnumMap<>(BatchStatus.class);
    for (BatchStatus status : BatchStatus.values()) {
      if (status != BatchStatus.VALIDATING) {
        long at = rs.getLong(status.timestampField());
        if (!rs.wasNull()) {
          reached.put(status, at);
        }
      }
    }
    long outputExpires = rs.getLong("output_expires_after");
    boolean noOutputExpiry = rs.wasNull();
    return new Batch(
        rs.getString("id"),
        rs.getString("resource"),
        rs.getString("endpoint"),
        rs.getString("input_file_id"),
        rs.getString("completion_window"),
        BatchStatus.fromWire(rs.getString("status")).orElseThrow(),
        Optional.ofNullable(rs.getString("deployment")),
        rs.getLong("enqueued_tokens"),
        Optional.ofNullable(rs.getString("output_file_id")),
        Optional.ofNullable(rs.getString("error_file_id")),
        errors(rs.getString("errors")),
        Optional.ofNullable(rs.getString("metadata")),
        noOutputExpiry ? OptionalLong.empty() : OptionalLong.of(outputExpires),
        rs.getLong("created_at"),
        rs.getLong("expires_at"),
        reached,
        new Batch.RequestCounts(
            rs.getLong("total"), rs.getLong("completed"), rs.getLong("failed")));
  }

  static String errorsJson(List<BatchError> errors) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (BatchError e : errors) {
      var node = array.addObject();
      node.put("code", e.code());
      node.put("message", e.message());
      node.put("param", e.param().orElse(null));
      if (e.line().isPresent()) {
        node.put("line", e.line().getAsLong());
      } else {
        node.putNull("line");
      }
    }
    return Json.writeString(array);
  }

  private static List<BatchError> errors(String json) {
    if (json == null) {
      return List.of();
    }
    List<BatchError> out = new ArrayList<>();
    for (JsonNode node : Json.read(json, ArrayNode.class)) {
      out.add(
          new BatchError(
              node.path("code").asText(),
              node.path("message").asText(),
              node.path("param").isTextual()
                  ? Optional.of(node.path("param").asText())
                  : Optional.empty(),
              node.path("line").isNumber()
                  ? OptionalLong.of(node.path("line").asLong())
                  : OptionalLong.empty()));
    }
    return out;
  }
}
