package dev.lazurite.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What SQLite's part of the audit writer costs per record, and what other table layouts or insert
 * forms would: plain JDBC on a fresh database per variant (WAL, {@code synchronous=NORMAL}, as the
 * server opens it), data-plane rows of the size the writer stores, committed in batches of {@code
 * batch} (about what the writer's 20 ms linger gathers at a given rate: 6,000 records a second give
 * 120). Prints the CPU time and bytes allocated per record on the inserting thread, which also does
 * SQLite's own work (the B-trees, the WAL writes and its checkpoints). Variants:
 *
 * <ul>
 *   <li>{@code current}: the audit table as migrated (rowid table, the {@code (stream, seq)}
 *       primary key's index, the {@code time_ms} index), one prepared statement, {@code addBatch}
 *       per row;
 *   <li>{@code multiRow32}: the same table, one {@code INSERT … VALUES (…),(…)} of 32 rows;
 *   <li>{@code noTimeIndex}: without the {@code time_ms} index (what that index costs);
 *   <li>{@code withoutRowid}: the table {@code WITHOUT ROWID}, clustered on its primary key.
 * </ul>
 *
 * <p>Usage: {@code AuditInsertRun [records] [batch] [rounds]} (default {@code 60000 120 3}).
 */
public final class AuditInsertRun {
  private static final String COLUMNS =
      "stream, seq, time, category, resource_id, operation_name, result_signature, duration_ms,"
          + " caller_ip_address, correlation_id, identity, deployment, properties, previous_hash,"
          + " hash, time_ms";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String TABLE =
      "CREATE TABLE audit_records (stream TEXT NOT NULL, seq BIGINT NOT NULL, time TEXT NOT NULL,"
          + " time_ms BIGINT NOT NULL, category TEXT NOT NULL, resource_id TEXT NOT NULL,"
          + " operation_name TEXT NOT NULL, result_signature TEXT NOT NULL, duration_ms BIGINT NOT"
          + " NULL, caller_ip_address TEXT NOT NULL, correlation_id TEXT NOT NULL, identity TEXT"
          + " NOT NULL, deployment TEXT NOT NULL, properties TEXT NOT NULL, previous_hash TEXT NOT"
          + " NULL, hash TEXT NOT NULL, PRIMARY KEY (stream, seq))";
  private static final String TIME_INDEX =
      "CREATE INDEX audit_records_time ON audit_records (time_ms)";

  private AuditInsertRun() {}

  /** Inserts {@code n} records from {@code from} on {@code c}, uncommitted. */
  private interface Insert {
    void rows(Connection c, long from, int n) throws SQLException;
  }

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Map<String, String[]> layouts = new LinkedHashMap<>();
    layouts.put("current", new String[] {TABLE, TIME_INDEX});
    layouts.put("noTimeIndex", new String[] {TABLE});
    layouts.put("withoutRowid", new String[] {TABLE + " WITHOUT ROWID", TIME_INDEX});
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    for (int r = 0; r < rounds; r++) {
      for (var layout : layouts.entrySet()) {
        for (String form : new String[] {"addBatch", "multiRow32"}) {
          if (form.equals("multiRow32") && !layout.getKey().equals("current")) {
            continue;
          }
          Insert insert =
              form.equals("addBatch") ? AuditInsertRun::batched : AuditInsertRun::multiRow;
          Path dir = Files.createTempDirectory("lazurite-audit-insert");
          try (Connection c =
              DriverManager.getConnection(
                  "jdbc:sqlite:"
                      + dir.resolve("audit.db")
                      + "?journal_mode=WAL&synchronous=NORMAL")) {
            try (Statement s = c.createStatement()) {
              for (String ddl : layout.getValue()) {
                s.execute(ddl);
              }
            }
            c.setAutoCommit(false);
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getThreadAllocatedBytes(tid);
            for (long seq = 1; seq <= records; seq += batch) {
              insert.rows(c, seq, (int) Math.min(batch, records - seq + 1));
              c.commit();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            bytes = threads.getThreadAllocatedBytes(tid) - bytes;
            System.out.printf(
                "round %d %-12s %-10s %6.2f us/record %6d B/record%n",
                r, layout.getKey(), form, cpu / 1000.0 / records, bytes / records);
          }
        }
      }
    }
  }

  private static void batched(Connection c, long from, int n) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO audit_records (" + COLUMNS + ") VALUES " + ROW)) {
      for (int i = 0; i < n; i++) {
        bind(p, 0, from + i);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void multiRow(Connection c, long from, int n) throws SQLException {
    int rows = 32;
    int i = 0;
    String values = String.join(", ", java.util.Collections.nCopies(rows, ROW));
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO audit_records (" + COLUMNS + ") VALUES " + values)) {
      for (; i + rows <= n; i += rows) {
        for (int j = 0; j < rows; j++) {
          bind(p, 16 * j, from + i + j);
        }
        p.executeUpdate();
      }
    }
    if (i < n) {
      batched(c, from + i, n - i);
    }
  }

  private static void bind(PreparedStatement p, int at, long seq) throws SQLException {
    p.setString(at + 1, "bench");
    p.setLong(at + 2, seq);
    p.setString(at + 3, "2026-12-06T10:00:00.123Z");
    p.setString(at + 4, "Audit");
    p.setString(
        at + 5,
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/acct-1");
    p.setString(at + 6, "ChatCompletions_Create");
    p.setString(at + 7, "200");
    p.setLong(at + 8, 12);
    p.setString(at + 9, "127.0.0.1");
    p.setString(at + 10, "req-" + seq);
    p.setString(at + 11, "acct-1/key1");
    p.setString(at + 12, "gpt-4o");
    p.setString(at + 13, AuditRowData.PROPERTIES);
    p.setString(at + 14, AuditRowData.hash(seq - 1));
    p.setString(at + 15, AuditRowData.hash(seq));
    p.setLong(at + 16, 1_765_015_200_000L + seq);
  }
}
