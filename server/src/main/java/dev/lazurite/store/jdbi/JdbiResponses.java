package dev.lazurite.store.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.responses.ResponseStore;
import dev.lazurite.api.responses.StoredResponse;
import dev.lazurite.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Stored responses: one row each, the response and its items as JSON text, with the status and
 * lease of a background response as columns so that ending one is a single conditional update.
 */
final class JdbiResponses implements ResponseStore {
  private static final String COLUMNS =
      "resource, id, owner, created_at, expires_at, body, input_items, context, status,"
          + " lease_until";

  private final Jdbi jdbi;

  JdbiResponses(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(StoredResponse r) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO responses ("
                        + COLUMNS
                        + ") VALUES (:resource, :id, :owner, :created, :expires, :body, :input,"
                        + " :context, :status, :lease)")
                .bind("resource", r.resource())
                .bind("id", r.id())
                .bind("owner", r.owner())
                .bind("created", r.createdAt())
                .bind("expires", r.expiresAt())
                .bind("body", Json.writeString(r.body()))
                .bind("input", Json.writeString(r.inputItems()))
                .bind("context", Json.writeString(r.context()))
                .bind("status", r.status())
                .bind("lease", r.leaseUntil())
                .execute());
  }

  @Override
  public boolean replaceRunning(StoredResponse r) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE responses SET body = :body, context = :context, status = :status,"
                            + " lease_until = :lease WHERE resource = :resource AND id = :id AND"
                            + " owner = :owner AND status IN ('queued', 'in_progress')")
                    .bind("resource", r.resource())
                    .bind("id", r.id())
                    .bind("owner", r.owner())
                    .bind("body", Json.writeString(r.body()))
                    .bind("context", Json.writeString(r.context()))
                    .bind("status", r.status())
                    .bind("lease", r.leaseUntil())
                    .execute())
        > 0;
  }

  @Override
  public Optional<StoredResponse> find(String resource, String owner, String id, long now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM responses WHERE resource = ? AND id = ? AND owner = ? AND"
                        + " expires_at > ?")
                .bind(0, resource)
                .bind(1, id)
                .bind(2, owner)
                .bind(3, now)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public void appendEvent(String resource, String id, long sequence, String event) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO response_events (resource, id, sequence_number, event) VALUES (?,"
                        + " ?, ?, ?)")
                .bind(0, resource)
                .bind(1, id)
                .bind(2, sequence)
                .bind(3, event)
                .execute());
  }

  @Override
  public List<ObjectNode> events(String resource, String id, long after, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT event FROM response_events WHERE resource = ? AND id = ? AND"
                        + " sequence_number > ? ORDER BY sequence_number LIMIT ?")
                .bind(0, resource)
                .bind(1, id)
                .bind(2, after)
                .bind(3, limit)
                .map((rs, ctx) -> (ObjectNode) parse(rs.getString("event")))
                .list());
  }

  @Override
  public int deleteStaleEvents(long createdBefore) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM response_events WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE"
                        + " r.resource = response_events.resource AND r.id = response_events.id"
                        + " AND (r.status IN ('queued', 'in_progress') OR r.created_at > ?))")
                .bind(0, createdBefore)
                .execute());
  }

  @Override
  public boolean delete(String resource, String owner, String id) {
    return jdbi.inTransaction(
        h -> {
          int deleted =
              h.createUpdate("DELETE FROM responses WHERE resource = ? AND id = ? AND owner = ?")
                  .bind(0, resource)
                  .bind(1, id)
                  .bind(2, owner)
                  .execute();
          if (deleted > 0) {
            h.createUpdate("DELETE FROM response_events WHERE resource = ? AND id = ?")
                .bind(0, resource)
                .bind(1, id)
                .execute();
          }
          return deleted > 0;
        });
  }

  @Override
  public int deleteExpired(long now) {
    return jdbi.withHandle(
        h -> h.createUpdate("DELETE FROM responses WHERE expires_at <= ?").bind(0, now).execute());
  }

  private static StoredResponse row(ResultSet rs) throws SQLException {
    return new StoredResponse(
        rs.getString("resource"),
        rs.getString("owner"),
        rs.getString("id"),
        rs.getLong("created_at"),
        rs.getLong("expires_at"),
        (ObjectNode) parse(rs.getString("body")),
        objects(parse(rs.getString("input_items"))),
        objects(parse(rs.getString("context"))),
        rs.getLong("lease_until"));
  }

  private static JsonNode parse(String text) throws SQLException {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored response is not JSON", e);
    }
  }

  private static List<ObjectNode> objects(JsonNode array) {
    List<ObjectNode> out = new ArrayList<>(array.size());
    array.forEach(item -> out.add((ObjectNode) item));
    return out;
  }
}
