package dev.lazurite.store.jdbi;

import dev.lazurite.metering.UsageRecord;
import dev.lazurite.store.UsageStore.UsageSummary;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Usage records: appended in batches by any number of writers, summarized per deployment. */
final class JdbiUsageRecords {
  private static final String INSERT =
      "INSERT INTO usage_records (recorded_at, request_id, account, deployment, model, operation,"
          + " caller, prompt_tokens, completion_tokens, status, latency_ms, streamed,"
          + " resource_group, pricing, tags, cached_prompt_tokens, cost_pico_usd, first_byte_ms,"
          + " caller_groups) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbi jdbi;

  JdbiUsageRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void append(List<UsageRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    // Plain JDBC binding: JDBI would resolve an argument factory for each bound value of each of
    // the batch's records.
    jdbi.useTransaction(
        h -> {
          try (PreparedStatement batch = h.getConnection().prepareStatement(INSERT)) {
            for (UsageRecord r : records) {
              batch.setString(1, r.time().toString());
              batch.setString(2, r.requestId());
              batch.setString(3, r.account());
              batch.setString(4, r.deployment());
              batch.setString(5, r.model());
              batch.setString(6, r.operation());
              batch.setString(7, r.caller());
              batch.setInt(8, r.promptTokens());
              batch.setInt(9, r.completionTokens());
              batch.setInt(10, r.status());
              batch.setDouble(11, r.latencyMillis());
              batch.setInt(12, r.streamed() ? 1 : 0);
              batch.setString(13, r.cost().resourceGroup());
              batch.setString(14, r.cost().pricing());
              batch.setString(15, dev.lazurite.json.Json.writeString(r.cost().tags()));
              batch.setInt(16, r.cost().cachedPromptTokens());
              batch.setLong(17, r.cost().picoUsd());
              batch.setDouble(18, r.firstByteMillis());
              batch.setString(19, groups(r.cost().groups()));
              batch.addBatch();
            }
            batch.executeBatch();
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
  }

  /** The caller's groups as stored: a JSON array, or empty text for none. */
  static String groups(List<String> groups) {
    return groups.isEmpty() ? "" : dev.lazurite.json.Json.writeString(groups);
  }

  List<UsageSummary> summarize(String account, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT deployment, model, operation, COUNT(*) AS requests, SUM(CASE WHEN status"
                        + " >= 400 THEN 1 ELSE 0 END) AS errors, SUM(prompt_tokens) AS prompt,"
                        + " SUM(completion_tokens) AS completion FROM usage_records WHERE account = ?"
                        + " AND recorded_at >= ? GROUP BY deployment, model, operation ORDER BY"
                        + " deployment, operation")
                .bind(0, account)
                .bind(1, since.toString())
                .map(
                    (rs, ctx) ->
                        new UsageSummary(
                            rs.getString("deployment"),
                            rs.getString("model"),
                            rs.getString("operation"),
                            rs.getLong("requests"),
                            rs.getLong("errors"),
                            rs.getLong("prompt"),
                            rs.getLong("completion")))
                .list());
  }

  void scan(String account, Instant from, Instant to, Consumer<UsageRecord> each) {
    // recorded_at is an ISO instant whose fraction varies in length, so text order is only right
    // to the second: the query reads a second either side and the exact bounds apply here.
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT recorded_at, request_id, deployment, model, operation, caller,"
                        + " prompt_tokens, completion_tokens, status, latency_ms, streamed,"
                        + " first_byte_ms FROM usage_records WHERE account = ? AND recorded_at >= ?"
                        + " AND recorded_at <= ?")
                .bind(0, account)
                .bind(1, from.minusSeconds(1).toString())
                .bind(2, to.plusSeconds(1).toString())
                .map(
                    (rs, ctx) -> {
                      double latency = rs.getDouble("latency_ms");
                      double firstByte = rs.getDouble("first_byte_ms");
                      if (rs.wasNull()) {
                        firstByte = latency;
                      }
                      return new UsageRecord(
                          Instant.parse(rs.getString("recorded_at")),
                          rs.getString("request_id"),
                          account,
                          rs.getString("deployment"),
                          rs.getString("model"),
                          rs.getString("operation"),
                          rs.getString("caller"),
                          rs.getInt("prompt_tokens"),
                          rs.getInt("completion_tokens"),
                          rs.getInt("status"),
                          latency,
                          rs.getInt("streamed") != 0,
                          UsageRecord.Cost.NONE,
                          firstByte);
                    })
                .forEach(
                    r -> {
                      if (!r.time().isBefore(from) && r.time().isBefore(to)) {
                        each.accept(r);
                      }
                    }));
  }

  long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM usage_records").mapTo(Long.class).one());
  }
}
