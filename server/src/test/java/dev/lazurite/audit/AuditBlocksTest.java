package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps the audit log a block of JSON lines per commit: records stored one row each by an
 * earlier version are moved into blocks when it opens, and listing, reading, the retention sweep
 * and verification read the blocks, on SQLite and PostgreSQL.
 */
class AuditBlocksTest {
  static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

  @TempDir Path dir;

  static AuditEntry entry(int i, long atMs, String identity, String status) {
    var properties = JsonNodeFactory.instance.objectNode();
    properties.put("kind", "dataPlane").put("promptTokens", i);
    return new AuditEntry(
        T0.plusMillis(atMs),
        AuditEntry.AUDIT,
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
        "ChatCompletions_Create",
        status,
        i,
        "127.0.0.1",
        "req-" + i,
        identity,
        "gpt-4o",
        properties);
  }

  /** The block of {@code records}, each record's time read from its text. */
  static AuditBlock block(List<AuditRecord> records) {
    return AuditBlock.of(
        records, records.stream().mapToLong(r -> Instant.parse(r.time()).toEpochMilli()).toArray());
  }

  static List<AuditRecord> chain(AuditChain chain, int from, int to, long[] atMs) {
    List<AuditRecord> records = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String identity = i % 3 == 0 ? "a/\"key2\"" : "a/key1";
      records.add(chain.append(entry(i, atMs[i], identity, i % 4 == 0 ? "429" : "200")));
    }
    return records;
  }

  @Test
  void rowsStoredOneEachMoveIntoBlocksOnSqlite() throws Exception {
    DatabaseUrl url = new DatabaseUrl.Sqlite(dir.resolve("legacy.db"));
    rowsStoredOneEachMoveIntoBlocks(
        url, () -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("legacy.db")));
  }

  @Test
  void rowsStoredOneEachMoveIntoBlocksOnPostgres() throws Exception {
    try (var postgres = TestingPostgres.start()) {
      var url = (DatabaseUrl.Postgres) postgres.newDatabase();
      rowsStoredOneEachMoveIntoBlocks(
          url, () -> DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()));
    }
  }

  interface Connect {
    Connection open() throws Exception;
  }

  void rowsStoredOneEachMoveIntoBlocks(DatabaseUrl url, Connect connect) throws Exception {
    var secrets = new SecretBox(new byte[32]);
    long[] times = LongStream.rangeClosed(0, 700).toArray();
    var records = chain(new AuditChain("s1", 0, Canonical.GENESIS), 1, 700, times);
    Checkpoint checkpoint;
    try (var store = new JdbiStore(url, secrets)) {
      checkpoint =
          CheckpointSigner.shared(store.secrets())
              .sign("s1", 600, records.get(599).hash(), T0.toString());
      store.audit().append(Optional.empty(), List.of(checkpoint));
    }
    try (Connection c = connect.open();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO audit_records (stream, seq, time, time_ms, category, resource_id,"
                    + " operation_name, result_signature, duration_ms, caller_ip_address,"
                    + " correlation_id, identity, deployment, properties, previous_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditRecord r : records) {
        p.setString(1, r.stream());
        p.setLong(2, r.seq());
        p.setString(3, r.time());
        p.setLong(4, Instant.parse(r.time()).toEpochMilli());
        p.setString(5, r.category());
        p.setString(6, r.resourceId());
        p.setString(7, r.operationName());
        p.setString(8, r.resultSignature());
        p.setLong(9, r.durationMs());
        p.setString(10, r.callerIpAddress());
        p.setString(11, r.correlationId());
        p.setString(12, r.identity());
        p.setString(13, r.deployment());
        p.setString(14, r.properties());
        p.setString(15, r.previousHash());
        p.setString(16, r.hash());
        p.addBatch();
      }
      p.executeBatch();
    }

    try (var store = new JdbiStore(url, secrets)) {
      AuditStore audit = store.audit();
      var log = new AuditLog(audit, CheckpointSigner.shared(store.secrets()), Optional.empty());
      assertThat(log.verifyStore())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.intact()).as(v.reason()).isTrue();
                assertThat(v.records()).isEqualTo(700);
                assertThat(v.checkpoints()).isEqualTo(1);
              });
      AuditRecord firstRead = audit.read("s1", it -> it.next());
      assertThat(firstRead).isEqualTo(records.getFirst());
      assertThat(audit.last("s1")).contains(records.getLast());
      // The writer continues the moved chain.
      try (var writer =
          new AuditWriter(
              audit,
              Optional.empty(),
              CheckpointSigner.shared(store.secrets()),
              "s1",
              1000,
              AuditStoreTest.CLOCK)) {
        writer.record(entry(701, 701, "a/key1", "200"));
      }
      assertThat(log.verifyStore().getFirst().records()).isEqualTo(701);
    }
    try (Connection c = connect.open();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM audit_records");
        ResultSet blocks = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_blocks")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isZero();
      assertThat(blocks.next()).isTrue();
      assertThat(blocks.getLong(1)).as("512 + 188 moved, 1 written").isEqualTo(3);
    }
  }

  @Test
  void listingReadsAcrossBlocksOldestFirstWithEveryFilter() throws Exception {
    try (var store =
        new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("q.db")), new SecretBox(new byte[32]))) {
      AuditStore audit = store.audit();
      var chain = new AuditChain("s1", 0, Canonical.GENESIS);
      // Three blocks whose times overlap and run backwards inside each block.
      long[] at = new long[31];
      for (int i = 1; i <= 30; i++) {
        int block = (i - 1) / 10;
        at[i] = block * 5L + (10 - (i - 1) % 10) * 2L;
      }
      audit.append(Optional.of(block(chain(chain, 1, 10, at))), List.of());
      audit.append(Optional.of(block(chain(chain, 11, 20, at))), List.of());
      audit.append(Optional.of(block(chain(chain, 21, 30, at))), List.of());

      List<AuditRecord> all =
          audit.query(
              new AuditQuery(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100));
      assertThat(all).hasSize(30);
      assertThat(all)
          .extracting(r -> Instant.parse(r.time()).toEpochMilli())
          .isSorted()
          .first()
          .isEqualTo(T0.plusMillis(2).toEpochMilli());

      List<AuditRecord> firstFive =
          audit.query(
              new AuditQuery(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 5));
      assertThat(firstFive).isEqualTo(all.subList(0, 5));

      // A principal whose name needs escaping in the line, and a status.
      List<AuditRecord> quoted =
          audit.query(
              new AuditQuery(
                  Optional.empty(),
                  Optional.of("a/\"key2\""),
                  Optional.of("gpt-4o"),
                  Optional.empty(),
                  100));
      assertThat(quoted)
          .extracting(AuditRecord::seq)
          .containsExactlyInAnyOrder(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L, 30L);
      List<AuditRecord> throttled =
          audit.query(
              new AuditQuery(
                  Optional.of(T0.plusMillis(10)),
                  Optional.of("a/key1"),
                  Optional.empty(),
                  Optional.of("429"),
                  100));
      assertThat(throttled)
          .allSatisfy(
              r -> {
                assertThat(r.resultSignature()).isEqualTo("429");
                assertThat(r.identity()).isEqualTo("a/key1");
                assertThat(Instant.parse(r.time())).isAfterOrEqualTo(T0.plusMillis(10));
              })
          .extracting(AuditRecord::seq)
          .containsExactlyInAnyOrder(4L, 16L, 28L);
      // A line that is not a record (the store was edited) is left out of a listing.
      List<AuditRecord> next = chain(chain, 31, 32, LongStream.rangeClosed(0, 32).toArray());
      byte[] lines =
          (new String(block(next).bytes(), java.nio.charset.StandardCharsets.UTF_8)
                  + "not a record\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      audit.append(Optional.of(new AuditBlock("s1", 31, 33, 31, 32, lines)), List.of());
      assertThat(
              audit.query(
                  new AuditQuery(
                      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100)))
          .hasSize(32);

      assertThat(
              audit.query(
                  new AuditQuery(
                      Optional.empty(),
                      Optional.of("nobody"),
                      Optional.empty(),
                      Optional.empty(),
                      100)))
          .isEmpty();
    }
  }

  @Test
  void theSweepCutsTheBlockThatHoldsItsPoint() throws Exception {
    try (var store =
        new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("s.db")), new SecretBox(new byte[32]))) {
      AuditStore audit = store.audit();
      var signer = CheckpointSigner.shared(store.secrets());
      var chain = new AuditChain("s1", 0, Canonical.GENESIS);
      long[] at = LongStream.rangeClosed(0, 20).map(i -> i * 1000).toArray();
      List<AuditRecord> first = chain(chain, 1, 10, at);
      List<AuditRecord> second = chain(chain, 11, 20, at);
      audit.append(
          Optional.of(block(first)),
          List.of(signer.sign("s1", 7, first.get(6).hash(), T0.toString())));
      audit.append(
          Optional.of(block(second)),
          List.of(signer.sign("s1", 15, second.get(4).hash(), T0.toString())));

      // Record 15 is at 15 s: a cut at 15 s may only go to checkpoint 7, one at 15.001 s to 15.
      assertThat(audit.sweepPoint("s1", T0.plusMillis(15_000).toEpochMilli())).hasValue(7);
      assertThat(audit.sweepPoint("s1", T0.plusMillis(15_001).toEpochMilli())).hasValue(15);
      assertThat(audit.sweepPoint("s1", T0.plusMillis(7_000).toEpochMilli())).isEmpty();

      assertThat(audit.deleteBefore("s1", 15)).isEqualTo(14);
      long left = audit.read("s1", AuditBlocksTest::count);
      long firstLeft = audit.read("s1", it -> it.next().seq());
      assertThat(left).isEqualTo(6);
      assertThat(firstLeft).isEqualTo(15);
      var log = new AuditLog(audit, signer, Optional.empty());
      assertThat(log.verifyStore())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.intact()).as(v.reason()).isTrue();
                assertThat(v.firstSeq()).isEqualTo(15);
                assertThat(v.records()).isEqualTo(6);
              });
      assertThat(audit.last("s1").orElseThrow().seq()).isEqualTo(20);
    }
  }

  static long count(java.util.Iterator<AuditRecord> it) {
    long n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
