package dev.lazurite.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Ways to store the audit log in SQLite, taking turns on fresh databases: connection settings, the
 * audit table in its own file, and smaller or fewer rows. The inserting thread commits data-plane
 * audit rows in batches of {@code batch} (what the writer's 50 ms linger gathers: 10,000 records a
 * second give 500); between two audit commits a second connection commits usage rows {@code
 * usageCommits} times (the usage writer's 5 ms linger), into the same database file unless the
 * variant gives the audit table its own. The audit inserts and commits are timed: CPU time and
 * bytes allocated per audit record on the inserting thread, which also does SQLite's own work
 * (B-trees, WAL frames, WAL checkpoints, re-reading pages after another connection's commit); and,
 * apart, the CPU per usage row of the usage commits.
 *
 * <p>Usage: {@code AuditStoreRun [records] [batch] [rounds] [usageCommits] [variant,...]} (default
 * {@code 60000 500 3 10} and every variant).
 */
public final class AuditStoreRun {
  private static final String TABLE =
      "CREATE TABLE audit_records (stream TEXT NOT NULL, seq BIGINT NOT NULL, %s time_ms BIGINT"
          + " NOT NULL, category TEXT NOT NULL, resource_id TEXT NOT NULL, operation_name TEXT NOT"
          + " NULL, result_signature TEXT NOT NULL, duration_ms BIGINT NOT NULL, caller_ip_address"
          + " TEXT NOT NULL, correlation_id TEXT NOT NULL, identity TEXT NOT NULL, deployment TEXT"
          + " NOT NULL, properties TEXT NOT NULL, previous_hash %s NOT NULL, hash %s NOT NULL,"
          + " PRIMARY KEY (stream, seq))";
  private static final String TIME_INDEX =
      "CREATE INDEX audit_records_time ON audit_records (time_ms)";
  private static final String BATCH_TABLE =
      "CREATE TABLE audit_batches (stream TEXT NOT NULL, first_seq BIGINT NOT NULL, last_seq"
          + " BIGINT NOT NULL, first_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL, lines BLOB NOT"
          + " NULL, PRIMARY KEY (stream, first_seq))";
  private static final String BATCH_INDEX =
      "CREATE INDEX audit_batches_time ON audit_batches (last_ms)";
  private static final String USAGE_TABLE =
      "CREATE TABLE usage_records (id INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at TEXT NOT"
          + " NULL, request_id TEXT NOT NULL, account TEXT NOT NULL, deployment TEXT NOT NULL,"
          + " model TEXT NOT NULL, operation TEXT NOT NULL, caller TEXT NOT NULL, prompt_tokens"
          + " INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, status INTEGER NOT NULL,"
          + " latency_ms REAL NOT NULL, streamed INTEGER NOT NULL)";
  private static final String USAGE_INDEX =
      "CREATE INDEX usage_records_account_time ON usage_records (account, recorded_at)";
  private static final String RESOURCE =
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/acct-1";

  /** The rows' layout. */
  private enum Layout {
    /** As migrated: the ISO time text and {@code time_ms}, hashes as 64 hex characters. */
    HEX,
    /** Hashes as 32-byte BLOBs (decoded from hex on the inserting thread). */
    BLOB,
    /** Hashes as BLOBs, no time text ({@code time_ms} only). */
    BLOB_NO_TIME,
    /** One row per batch: its seq and time ranges and its canonical lines. */
    BATCH_ROW
  }

  /** A variant: the layout, settings run on each connection, whether audit has its own file. */
  private record Variant(
      String name, Layout layout, int pageSize, List<String> pragmas, boolean ownFile) {}

  private AuditStoreRun() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int usageCommits = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    List<String> only = args.length > 4 ? List.of(args[4].split(",")) : List.of();
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("current", Layout.HEX, 4096, List.of(), false));
    variants.add(new Variant("page8k", Layout.HEX, 8192, List.of(), false));
    variants.add(new Variant("page16k", Layout.HEX, 16384, List.of(), false));
    variants.add(new Variant("page32k", Layout.HEX, 32768, List.of(), false));
    variants.add(new Variant("page64k", Layout.HEX, 65536, List.of(), false));
    variants.add(
        new Variant(
            "page16kMmap", Layout.HEX, 16384, List.of("PRAGMA mmap_size=268435456"), false));
    variants.add(new Variant("page16kOwn", Layout.HEX, 16384, List.of(), true));
    variants.add(
        new Variant("cache64m", Layout.HEX, 4096, List.of("PRAGMA cache_size=-65536"), false));
    variants.add(
        new Variant("mmap256m", Layout.HEX, 4096, List.of("PRAGMA mmap_size=268435456"), false));
    variants.add(
        new Variant(
            "walAuto10k", Layout.HEX, 4096, List.of("PRAGMA wal_autocheckpoint=10000"), false));
    variants.add(
        new Variant("tempMem", Layout.HEX, 4096, List.of("PRAGMA temp_store=MEMORY"), false));
    variants.add(new Variant("ownFile", Layout.HEX, 4096, List.of(), true));
    variants.add(new Variant("blobHash", Layout.BLOB, 4096, List.of(), false));
    variants.add(new Variant("blobNoTime", Layout.BLOB_NO_TIME, 4096, List.of(), false));
    variants.add(new Variant("batchRow", Layout.BATCH_ROW, 4096, List.of(), false));
    variants.add(new Variant("batchRow16k", Layout.BATCH_ROW, 16384, List.of(), false));
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    byte[] lines = lines(batch);
    for (int r = 0; r < rounds; r++) {
      for (Variant v : variants) {
        if (!only.isEmpty() && !only.contains(v.name())) {
          continue;
        }
        Path dir = Files.createTempDirectory("lazurite-audit-store");
        Path shared = dir.resolve("lazurite.db");
        Path auditDb = v.ownFile() ? dir.resolve("audit.db") : shared;
        try (Connection audit = open(auditDb, v);
            Connection usage = open(shared, v)) {
          try (Statement s = audit.createStatement()) {
            for (String ddl : ddl(v.layout())) {
              s.execute(ddl);
            }
          }
          try (Statement s = usage.createStatement()) {
            s.execute(USAGE_TABLE);
            s.execute(USAGE_INDEX);
          }
          audit.setAutoCommit(false);
          usage.setAutoCommit(false);
          long cpu = 0;
          long bytes = 0;
          long usageId = 0;
          long usageCpu = 0;
          for (long seq = 1; seq <= records; seq += batch) {
            int n = (int) Math.min(batch, records - seq + 1);
            long c0 = threads.getCurrentThreadCpuTime();
            long b0 = threads.getThreadAllocatedBytes(tid);
            insert(audit, v.layout(), seq, n, lines);
            audit.commit();
            cpu += threads.getCurrentThreadCpuTime() - c0;
            bytes += threads.getThreadAllocatedBytes(tid) - b0;
            long u0 = threads.getCurrentThreadCpuTime();
            for (int u = 0; u < usageCommits; u++) {
              usageId = usage(usage, usageId, Math.max(1, n / Math.max(1, usageCommits)));
              usage.commit();
            }
            usageCpu += threads.getCurrentThreadCpuTime() - u0;
          }
          System.out.printf(
              "round %d %-11s %6.2f us/record %6d B/record %8.1f KB all files usage %6.2f us/row%n",
              r,
              v.name(),
              cpu / 1000.0 / records,
              bytes / records,
              size(dir) / 1024.0,
              usageCpu / 1000.0 / Math.max(1, usageId));
        }
      }
    }
  }

  private static Connection open(Path file, Variant v) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      // The page size takes effect only before the file's first table; journal_mode after it.
      s.execute("PRAGMA page_size=" + v.pageSize());
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=10000");
      for (String p : v.pragmas()) {
        s.execute(p);
      }
    }
    return c;
  }

  private static List<String> ddl(Layout layout) {
    return switch (layout) {
      case HEX -> List.of(TABLE.formatted("time TEXT NOT NULL,", "TEXT", "TEXT"), TIME_INDEX);
      case BLOB -> List.of(TABLE.formatted("time TEXT NOT NULL,", "BLOB", "BLOB"), TIME_INDEX);
      case BLOB_NO_TIME -> List.of(TABLE.formatted("", "BLOB", "BLOB"), TIME_INDEX);
      case BATCH_ROW -> List.of(BATCH_TABLE, BATCH_INDEX);
    };
  }

  private static void insert(Connection c, Layout layout, long from, int n, byte[] lines)
      throws SQLException {
    if (layout == Layout.BATCH_ROW) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO audit_batches (stream, first_seq, last_seq, first_ms, last_ms, lines)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, "bench");
        p.setLong(2, from);
        p.setLong(3, from + n - 1);
        p.setLong(4, 1_765_015_200_000L + from);
        p.setLong(5, 1_765_015_200_000L + from + n - 1);
        p.setBytes(6, lines);
        p.executeUpdate();
      }
      return;
    }
    boolean time = layout == Layout.HEX || layout == Layout.BLOB;
    boolean blob = layout != Layout.HEX;
    String columns =
        "stream, seq, "
            + (time ? "time, " : "")
            + "category, resource_id, operation_name, result_signature, duration_ms,"
            + " caller_ip_address, correlation_id, identity, deployment, properties,"
            + " previous_hash, hash, time_ms";
    int count = time ? 16 : 15;
    String marks = String.join(", ", java.util.Collections.nCopies(count, "?"));
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO audit_records (" + columns + ") VALUES (" + marks + ")")) {
      for (int i = 0; i < n; i++) {
        long seq = from + i;
        int at = 1;
        p.setString(at++, "bench");
        p.setLong(at++, seq);
        if (time) {
          p.setString(at++, "2026-12-06T10:00:00.123Z");
        }
        p.setString(at++, "Audit");
        p.setString(at++, RESOURCE);
        p.setString(at++, "ChatCompletions_Create");
        p.setString(at++, "200");
        p.setLong(at++, 12);
        p.setString(at++, "127.0.0.1");
        p.setString(at++, "req-" + seq);
        p.setString(at++, "acct-1/key1");
        p.setString(at++, "gpt-4o");
        p.setString(at++, AuditRowData.PROPERTIES);
        String previous = AuditRowData.hash(seq - 1);
        String hash = AuditRowData.hash(seq);
        if (blob) {
          p.setBytes(at++, HexFormat.of().parseHex(previous));
          p.setBytes(at++, HexFormat.of().parseHex(hash));
        } else {
          p.setString(at++, previous);
          p.setString(at++, hash);
        }
        p.setLong(at, 1_765_015_200_000L + seq);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The canonical lines of a batch, about as long as the writer's (built before timing). */
  private static byte[] lines(int n) {
    var out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append("{\"callerIpAddress\":\"127.0.0.1\",\"category\":\"Audit\",")
          .append("\"correlationId\":\"req-")
          .append(i)
          .append("\",\"deployment\":\"gpt-4o\",\"durationMs\":12,\"identity\":\"acct-1/key1\",")
          .append("\"operationName\":\"ChatCompletions_Create\",\"previousHash\":\"")
          .append(AuditRowData.hash(i))
          .append("\",\"properties\":")
          .append(AuditRowData.PROPERTIES)
          .append(",\"resourceId\":\"")
          .append(RESOURCE)
          .append("\",\"resultSignature\":\"200\",\"seq\":")
          .append(i + 1)
          .append(",\"stream\":\"bench\",\"time\":\"2026-12-06T10:00:00.123Z\",\"hash\":\"")
          .append(AuditRowData.hash(i + 1))
          .append("\"}\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long usage(Connection c, long id, int n) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO usage_records (recorded_at, request_id, account, deployment, model,"
                + " operation, caller, prompt_tokens, completion_tokens, status, latency_ms,"
                + " streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < n; i++) {
        id++;
        p.setString(1, "2026-12-06T10:00:00.123Z");
        p.setString(2, "req-" + id);
        p.setString(3, "acct-1");
        p.setString(4, "gpt-4o");
        p.setString(5, "gpt-4o");
        p.setString(6, "ChatCompletions_Create");
        p.setString(7, "acct-1/key1");
        p.setLong(8, 20);
        p.setLong(9, 12);
        p.setLong(10, 200);
        p.setDouble(11, 3.5);
        p.setLong(12, 0);
        p.addBatch();
      }
      p.executeBatch();
    }
    return id;
  }

  private static long size(Path dir) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
