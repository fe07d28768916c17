package dev.lazurite.store.jdbi;

import dev.lazurite.json.Json;
import dev.lazurite.trace.TraceRecord;
import dev.lazurite.trace.TraceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code Trace} records of every instance, on either SQL database. */
final class JdbiTraceRecords implements TraceStore {
  private static final String INSERT =
      "INSERT INTO trace_records (time_ms, principal, deployment, result_signature, record)"
          + " VALUES (?, ?, ?, ?, ?)";

  private final Jdbi jdbi;

  JdbiTraceRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void appendTraces(List<TraceRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          try (PreparedStatement batch = h.getConnection().prepareStatement(INSERT)) {
            for (TraceRecord r : records) {
              batch.setLong(1, r.time().toEpochMilli());
              batch.setString(2, r.principal());
              batch.setString(3, r.deployment());
              batch.setString(4, r.resultSignature());
              batch.setString(5, r.json().toString());
              batch.addBatch();
            }
            batch.executeBatch();
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
  }

  @Override
  public List<TraceRecord> queryTraces(
      Instant since,
      Optional<String> principal,
      Optional<String> deployment,
      Optional<String> status,
      int limit) {
    return new FilteredSelect(
            "SELECT principal, record FROM trace_records", "time_ms", Optional.of(since))
        .where("principal", principal)
        .where("deployment", deployment)
        .where("result_signature", status)
        .list(
            jdbi,
            "time_ms, id",
            limit,
            (rs, ctx) -> {
              try {
                return TraceRecord.fromJson(
                    Json.parse(rs.getString(2).getBytes(StandardCharsets.UTF_8)), rs.getString(1));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Override
  public int deleteTracesBefore(long beforeMillis) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM trace_records WHERE time_ms < ?")
                .bind(0, beforeMillis)
                .execute());
  }
}
