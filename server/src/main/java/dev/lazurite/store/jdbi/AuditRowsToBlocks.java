package dev.lazurite.store.jdbi;

import dev.lazurite.audit.AuditBlock;
import dev.lazurite.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Moves audit records stored one row each (the layout before blocks) into blocks, in one
 * transaction, when the store opens: their lines are written from the rows, so the chain, the
 * hashes and the checkpoints carry over unchanged. On PostgreSQL the old table is locked first, so
 * that instances opening together move the rows once.
 */
final class AuditRowsToBlocks {
  private static final String COLUMNS =
      "stream, seq, time, category, resource_id, operation_name, result_signature, duration_ms,"
          + " caller_ip_address, correlation_id, identity, deployment, properties, previous_hash,"
          + " hash, time_ms";

  /** Records per block, as the writer commits at most. */
  private static final int BLOCK = 512;

  private AuditRowsToBlocks() {}

  private record Row(AuditRecord record, long timeMs) {}

  /** Returns the records moved. */
  static int move(Jdbi jdbi, Dialect dialect) {
    boolean any =
        jdbi.withHandle(
                h ->
                    h.createQuery("SELECT 1 FROM audit_records LIMIT 1")
                        .mapTo(Integer.class)
                        .findOne())
            .isPresent();
    if (!any) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          if (dialect == Dialect.POSTGRES) {
            h.execute("LOCK TABLE audit_records IN SHARE ROW EXCLUSIVE MODE");
          }
          int moved = 0;
          List<AuditRecord> block = new ArrayList<>(BLOCK);
          long[] times = new long[BLOCK];
          try (ResultIterator<Row> rows =
              h.createQuery("SELECT " + COLUMNS + " FROM audit_records ORDER BY stream, seq")
                  .setFetchSize(10_000)
                  .map(
                      (rs, ctx) ->
                          new Row(
                              new AuditRecord(
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
                                  rs.getString(15)),
                              rs.getLong(16)))
                  .iterator()) {
            while (rows.hasNext()) {
              Row row = rows.next();
              AuditRecord r = row.record();
              if (!block.isEmpty()
                  && (block.size() == BLOCK
                      || !block.getLast().stream().equals(r.stream())
                      || block.getLast().seq() + 1 != r.seq())) {
                JdbiAuditRecords.insert(h, AuditBlock.of(block, times));
                moved += block.size();
                block.clear();
              }
              times[block.size()] = row.timeMs();
              block.add(r);
            }
          }
          if (!block.isEmpty()) {
            JdbiAuditRecords.insert(h, AuditBlock.of(block, times));
            moved += block.size();
          }
          h.execute("DELETE FROM audit_records");
          return moved;
        });
  }
}
