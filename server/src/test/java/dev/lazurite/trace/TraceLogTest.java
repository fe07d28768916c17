package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingClock;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace log stores records off the request path, keeps them for a time and filters them, and
 * hands every batch to its sinks.
 */
class TraceLogTest {
  final TestingClock clock = new TestingClock();
  @TempDir Path dir;
  JdbiStore store;

  @BeforeEach
  void open() {
    store = new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("trace.db")), null);
  }

  @AfterEach
  void close() {
    store.close();
  }

  TraceRecord record(String id, String principal, String deployment, int status) {
    return new TraceRecord(
        clock.instant(),
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
        "ChatCompletions_Create",
        Integer.toString(status),
        12,
        id,
        principal,
        deployment,
        "gpt-4o",
        false,
        5.5,
        "",
        List.of(),
        List.of(),
        0);
  }

  static List<String> ids(List<TraceRecord> records) {
    return records.stream().map(TraceRecord::correlationId).toList();
  }

  static List<TraceRecord> all(TraceLog log) {
    return log.query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
  }

  TraceLog log(Duration retention) {
    return new TraceLog(store.traces(), 100, retention, clock);
  }

  @Test
  void aRecordComesBackFromTheStoreAsItWent() {
    var full =
        new TraceRecord(
            clock.instant(),
            "/subscriptions/s/x",
            "Embeddings_Create",
            "429",
            40,
            "req-1",
            "a/key1",
            "emb",
            "text-embedding-3-small",
            true,
            7.25,
            "4bf92f3577b34da6a3ce929d0e0e4736",
            List.of(new TraceRecord.Stage("Auth", 0.5, 1.25)),
            List.of(
                new TraceRecord.Attempt("b1", 2, 3.5, 4, 200),
                new TraceRecord.Attempt("b2", 5, -1, 6, 429)),
            3);
    try (var log = log(Duration.ofHours(1))) {
      log.add(full);
      assertThat(all(log)).containsExactly(full);
    }
  }

  @Test
  void recordsOlderThanTheRetentionAreHiddenThenSwept() {
    try (var log = log(Duration.ofMinutes(10))) {
      log.add(record("old", "a/key1", "d", 200));
      clock.advance(Duration.ofMinutes(6));
      log.add(record("new", "a/key1", "d", 200));
      clock.advance(Duration.ofMinutes(5));
      assertThat(ids(all(log))).containsExactly("new");
      assertThat(log.sweep()).isEqualTo(1);
      assertThat(log.sweep()).isZero();
      clock.advance(Duration.ofMinutes(6));
      assertThat(all(log)).isEmpty();
      assertThat(log.sweep()).isEqualTo(1);
    }
    // Swept means gone from the store, not only hidden.
    try (var wide = log(Duration.ofDays(365))) {
      assertThat(all(wide)).isEmpty();
    }
  }

  @Test
  void filtersBySincePrincipalDeploymentStatusAndLimit() {
    try (var log = log(Duration.ofHours(1))) {
      log.add(record("r1", "a/key1", "d1", 200));
      clock.advance(Duration.ofMinutes(1));
      var middle = clock.instant();
      log.add(record("r2", "a/key2", "d1", 429));
      log.add(record("r3", "a/key1", "d2", 200));
      log.add(record("r4", "a/key1", "d1", 200));
      assertThat(
              ids(
                  log.query(
                      Optional.of(middle),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      100)))
          .containsExactly("r2", "r3", "r4");
      assertThat(
              ids(
                  log.query(
                      Optional.empty(),
                      Optional.of("a/key1"),
                      Optional.of("d1"),
                      Optional.of("200"),
                      100)))
          .containsExactly("r1", "r4");
      assertThat(
              ids(
                  log.query(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of("429"),
                      100)))
          .containsExactly("r2");
      assertThat(
              ids(
                  log.query(
                      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 2)))
          .containsExactly("r1", "r2");
    }
  }

  @Test
  void recordsTheStoreRefusesAreDroppedAndCountedWithoutFailingTheCaller() {
    var log = log(Duration.ofHours(1));
    store.close();
    log.add(record("r1", "a/key1", "d", 200));
    log.add(record("r2", "a/key1", "d", 200));
    log.flush();
    assertThat(log.dropped()).isEqualTo(2);
    log.close();
    log.add(record("r3", "a/key1", "d", 200));
    assertThat(log.dropped()).isEqualTo(3);
    store = new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("trace.db")), null);
  }

  @Test
  void whileTheStoreIsBusyAFullQueueDropsRecordsInsteadOfWaiting() throws Exception {
    try (var log = new TraceLog(store.traces(), 1, Duration.ofHours(1), clock);
        var other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trace.db"));
        var lock = other.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE");
      long start = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        log.add(record("r" + i, "a/key1", "d", 200));
      }
      long took = System.nanoTime() - start;
      // At most two records are with the writer, waiting for the database (the one it polled and
      // one that reached the queue before it drained it), and one is in the queue.
      assertThat(log.dropped()).isBetween(47L, 50L);
      assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(2));
      lock.execute("ROLLBACK");
      assertThat(all(log).size() + log.dropped()).isEqualTo(50);
    }
  }

  @Test
  void everyBatchReachesEachSinkAndAFailingSinkStopsNeitherTheStoreNorTheOthers() throws Exception {
    List<String> sunk = new CopyOnWriteArrayList<>();
    List<Consumer<List<TraceRecord>>> sinks =
        List.of(
            batch -> {
              throw new IllegalStateException("sink down");
            },
            batch -> sunk.addAll(ids(batch)));
    try (var log = new TraceLog(store.traces(), 100, Duration.ofHours(1), clock, sinks)) {
      log.add(record("s1", "a/key1", "d", 200));
      log.add(record("s2", "a/key1", "d", 429));
      log.flush();
      assertThat(sunk).containsExactly("s1", "s2");
      assertThat(ids(all(log))).containsExactly("s1", "s2");
      assertThat(log.dropped()).isZero();
    }
  }

  @Test
  void recordsTheStoreRefusesStillReachTheSinks() {
    List<String> sunk = new CopyOnWriteArrayList<>();
    var log =
        new TraceLog(
            store.traces(),
            100,
            Duration.ofHours(1),
            clock,
            List.of(batch -> sunk.addAll(ids(batch))));
    store.close();
    log.add(record("lost", "a/key1", "d", 200));
    log.flush();
    log.close();
    assertThat(sunk).containsExactly("lost");
    assertThat(log.dropped()).isEqualTo(1);
    store = new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("trace.db")), null);
  }

  @Test
  void refusesNonsenseBounds() {
    assertThatThrownBy(() -> new TraceLog(store.traces(), 0, Duration.ofHours(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TraceLog(store.traces(), 1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
