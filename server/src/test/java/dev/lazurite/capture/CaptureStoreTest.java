package dev.lazurite.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingClock;
import dev.lazurite.testing.TestingPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture policies and captures read back as stored, on SQLite and PostgreSQL, and the sweeper
 * deletes exactly the captures past their retention.
 */
class CaptureStoreTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void sqlite() {
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("captures.db")), new SecretBox(new byte[32]))) {
      exercise(store.captures());
    }
  }

  @Test
  void postgres() throws Exception {
    try (var postgres = TestingPostgres.start();
        var store = new JdbiStore(postgres.newDatabase(), new SecretBox(new byte[32]))) {
      exercise(store.captures());
    }
  }

  static Capture capture(String id, String deployment, Instant at, Duration retention) {
    return new Capture(
        at.toString(),
        id,
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a",
        "a",
        deployment,
        "ChatCompletions_Create",
        "200",
        12,
        false,
        "{\"messages\":[]}",
        false,
        15,
        "{\"choices\":[]}",
        true,
        9000,
        at.plus(retention).toEpochMilli());
  }

  void exercise(CaptureStore store) {
    var target = new CaptureStore.Target("a", "d1");
    var policy = new CapturePolicy(true, 100, 2, List.of("secret-[0-9]+"));
    store.putPolicy(target, policy);
    assertThat(store.policies()).containsEntry(target, policy);
    var changed = new CapturePolicy(false, 200, 3, List.of());
    store.putPolicy(target, changed);
    assertThat(store.policies()).containsExactlyEntriesOf(java.util.Map.of(target, changed));

    var old = capture("r1", "d1", T0, Duration.ofDays(1));
    var kept = capture("r2", "d1", T0.plus(Duration.ofHours(1)), Duration.ofDays(30));
    var other = capture("r3", "d2", T0.plus(Duration.ofHours(2)), Duration.ofDays(30));
    store.append(List.of(old, kept, other));
    assertThat(store.query(query(Optional.empty(), Optional.empty(), 100)))
        .containsExactly(old, kept, other);
    assertThat(store.query(query(Optional.of("d1"), Optional.empty(), 100)))
        .containsExactly(old, kept);
    assertThat(store.query(query(Optional.empty(), Optional.of("r3"), 100))).containsExactly(other);
    assertThat(store.query(query(Optional.empty(), Optional.empty(), 1))).containsExactly(old);

    var clock = new TestingClock();
    clock.advance(Duration.ofDays(2));
    try (var sweeper = new CaptureSweeper(store, clock, Duration.ofDays(1))) {
      assertThat(sweeper.sweep()).isEqualTo(1);
      assertThat(sweeper.sweep()).isZero();
    }
    assertThat(store.query(query(Optional.empty(), Optional.empty(), 100)))
        .containsExactly(kept, other);

    assertThat(store.deletePolicy(target)).isTrue();
    assertThat(store.deletePolicy(target)).isFalse();
    assertThat(store.policies()).isEmpty();
  }

  static CaptureQuery query(Optional<String> deployment, Optional<String> requestId, int limit) {
    return new CaptureQuery(Optional.empty(), Optional.empty(), deployment, requestId, limit);
  }
}
