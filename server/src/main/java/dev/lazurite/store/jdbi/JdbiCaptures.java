package dev.lazurite.store.jdbi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lazurite.capture.Capture;
import dev.lazurite.capture.CapturePolicy;
import dev.lazurite.capture.CaptureQuery;
import dev.lazurite.capture.CaptureStore;
import dev.lazurite.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Capture policies and captures, on either SQL database. */
final class JdbiCaptures implements CaptureStore {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String COLUMNS =
      "time, correlation_id, resource_id, account, deployment, operation_name, result_signature,"
          + " duration_ms, streamed, request_body, request_truncated, request_length,"
          + " response_body, response_truncated, response_length, expires_ms";

  private final Jdbi jdbi;

  JdbiCaptures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Map<Target, CapturePolicy> policies() {
    return jdbi.withHandle(
        h -> {
          Map<Target, CapturePolicy> out = new HashMap<>();
          h.createQuery(
                  "SELECT account, deployment, enabled, max_bytes, retention_days, redact FROM"
                      + " capture_policies")
              .map(
                  (rs, ctx) -> {
                    out.put(
                        new Target(rs.getString(1), rs.getString(2)),
                        new CapturePolicy(
                            rs.getBoolean(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            patterns(rs.getString(6))));
                    return null;
                  })
              .list();
          return out;
        });
  }

  private static List<String> patterns(String json) {
    try {
      return Json.MAPPER.readValue(json, STRINGS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a stored capture policy is unreadable", e);
    }
  }

  @Override
  public void putPolicy(Target target, CapturePolicy policy) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO capture_policies (account, deployment, enabled, max_bytes,"
                        + " retention_days, redact) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT"
                        + " (account, deployment) DO UPDATE SET enabled = excluded.enabled,"
                        + " max_bytes = excluded.max_bytes, retention_days ="
                        + " excluded.retention_days, redact = excluded.redact")
                .bind(0, target.account())
                .bind(1, target.deployment())
                .bind(2, policy.enabled())
                .bind(3, policy.maxBytes())
                .bind(4, policy.retentionDays())
                .bind(5, Json.writeString(policy.redact()))
                .execute());
  }

  @Override
  public boolean deletePolicy(Target target) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("DELETE FROM capture_policies WHERE account = ? AND deployment = ?")
                    .bind(0, target.account())
                    .bind(1, target.deployment())
                    .execute())
        > 0;
  }

  @Override
  public void append(List<Capture> captures) {
    if (captures.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "INSERT INTO captures ("
                      + COLUMNS
                      + ", time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          for (Capture c : captures) {
            batch
                .bind(0, c.time())
                .bind(1, c.correlationId())
                .bind(2, c.resourceId())
                .bind(3, c.account())
                .bind(4, c.deployment())
                .bind(5, c.operationName())
                .bind(6, c.resultSignature())
                .bind(7, c.durationMs())
                .bind(8, c.streamed())
                .bind(9, c.requestBody())
                .bind(10, c.requestTruncated())
                .bind(11, c.requestLength())
                .bind(12, c.responseBody())
                .bind(13, c.responseTruncated())
                .bind(14, c.responseLength())
                .bind(15, c.expiresMs())
                .bind(16, Instant.parse(c.time()).toEpochMilli())
                .add();
          }
          batch.execute();
        });
  }

  @Override
  public List<Capture> query(CaptureQuery q) {
    return new FilteredSelect("SELECT " + COLUMNS + " FROM captures", "time_ms", q.since())
        .where("account", q.account())
        .where("deployment", q.deployment())
        .where("correlation_id", q.correlationId())
        .list(jdbi, "time_ms, id", q.limit(), (rs, ctx) -> capture(rs));
  }

  private static Capture capture(ResultSet rs) throws SQLException {
    return new Capture(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getBoolean(9),
        rs.getString(10),
        rs.getBoolean(11),
        rs.getLong(12),
        rs.getString(13),
        rs.getBoolean(14),
        rs.getLong(15),
        rs.getLong(16));
  }

  @Override
  public int deleteExpired(long nowMillis) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM captures WHERE expires_ms < ?")
                .bind(0, nowMillis)
                .execute());
  }
}
