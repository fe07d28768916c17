package dev.lazurite.store.jdbi;

import dev.lazurite.audit.AuditQuery;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditStore;
import dev.lazurite.audit.Checkpoint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The audit log's records and checkpoints, on either SQL database. */
final class JdbiAuditRecords implements AuditStore {
  private static final String COLUMNS =
      "stream, seq, time, category, resource_id, operation_name, result_signature, duration_ms,"
          + " caller_ip_address, correlation_id, identity, deployment, properties, previous_hash,"
          + " hash";
  private static final String INSERT =
      "INSERT INTO audit_records ("
          + COLUMNS
          + ", time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CHECKPOINT =
      "INSERT INTO audit_checkpoints (stream, seq, hash, time, signature) VALUES (?, ?, ?, ?, ?)";

  private static final int FETCH_SIZE = 10_000;

  private final Jdbi jdbi;

  JdbiAuditRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(List<AuditRecord> records, long[] timesMs, List<Checkpoint> checkpoints) {
    jdbi.useTransaction(
        h -> {
          try {
            if (!records.isEmpty()) {
              try (PreparedStatement batch = h.getConnection().prepareStatement(INSERT)) {
                for (int i = 0; i < records.size(); i++) {
                  bind(batch, records.get(i), timesMs[i]);
                  batch.addBatch();
                }
                batch.executeBatch();
              }
            }
            if (!checkpoints.isEmpty()) {
              try (PreparedStatement marks =
                  h.getConnection().prepareStatement(INSERT_CHECKPOINT)) {
                for (Checkpoint c : checkpoints) {
                  marks.setString(1, c.stream());
                  marks.setLong(2, c.seq());
                  marks.setString(3, c.hash());
                  marks.setString(4, c.time());
                  marks.setString(5, c.signature());
                  marks.addBatch();
                }
                marks.executeBatch();
              }
            }
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
  }

  private static void bind(PreparedStatement batch, AuditRecord r, long timeMs)
      throws SQLException {
    batch.setString(1, r.stream());
    batch.setLong(2, r.seq());
    batch.setString(3, r.time());
    batch.setString(4, r.category());
    batch.setString(5, r.resourceId());
    batch.setString(6, r.operationName());
    batch.setString(7, r.resultSignature());
    batch.setLong(8, r.durationMs());
    batch.setString(9, r.callerIpAddress());
    batch.setString(10, r.correlationId());
    batch.setString(11, r.identity());
    batch.setString(12, r.deployment());
    batch.setString(13, r.properties());
    batch.setString(14, r.previousHash());
    batch.setString(15, r.hash());
    batch.setLong(16, timeMs);
  }

  @Override
  public Optional<AuditRecord> last(String stream) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_records WHERE stream = ? ORDER BY seq DESC LIMIT 1")
                .bind(0, stream)
                .map((rs, ctx) -> record(rs))
                .findOne());
  }

  @Override
  public List<String> streams() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT stream FROM audit_records UNION SELECT stream FROM audit_checkpoints"
                        + " ORDER BY stream")
                .mapTo(String.class)
                .list());
  }

  @Override
  public <T> T read(String stream, Function<Iterator<AuditRecord>, T> reader) {
    // Inside a transaction PostgreSQL streams the rows through a cursor, FETCH_SIZE at a time,
    // instead of holding the whole stream in memory.
    return jdbi.inTransaction(
        h -> {
          try (ResultIterator<AuditRecord> rows =
              h.createQuery(
                      "SELECT " + COLUMNS + " FROM audit_records WHERE stream = ? ORDER BY seq")
                  .bind(0, stream)
                  .setFetchSize(FETCH_SIZE)
                  .map((rs, ctx) -> record(rs))
                  .iterator()) {
            return reader.apply(rows);
          }
        });
  }

  @Override
  public List<Checkpoint> checkpoints(String stream) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT stream, seq, hash, time, signature FROM audit_checkpoints WHERE stream"
                        + " = ? ORDER BY seq")
                .bind(0, stream)
                .map(
                    (rs, ctx) ->
                        new Checkpoint(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }

  @Override
  public List<AuditRecord> query(AuditQuery q) {
    return new FilteredSelect("SELECT " + COLUMNS + " FROM audit_records", "time_ms", q.since())
        .where("identity", q.principal())
        .where("deployment", q.deployment())
        .where("result_signature", q.status())
        .where("category", q.category())
        .list(jdbi, "time_ms, stream, seq", q.limit(), (rs, ctx) -> record(rs));
  }

  @Override
  public OptionalLong sweepPoint(String stream, long beforeMillis) {
    Optional<Long> seq =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT MAX(c.seq) FROM audit_checkpoints c JOIN audit_records r ON"
                            + " r.stream = c.stream AND r.seq = c.seq WHERE c.stream = ? AND"
                            + " r.time_ms < ?")
                    .bind(0, stream)
                    .bind(1, beforeMillis)
                    .mapTo(Long.class)
                    .findOne());
    return seq.map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public int deleteBefore(String stream, long seq) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate("DELETE FROM audit_checkpoints WHERE stream = ? AND seq < ?")
              .bind(0, stream)
              .bind(1, seq)
              .execute();
          return h.createUpdate("DELETE FROM audit_records WHERE stream = ? AND seq < ?")
              .bind(0, stream)
              .bind(1, seq)
              .execute();
        });
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15));
  }
}
