package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.testing.TestingClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trace log keeps a bounded number of records for a bounded time and filters them. */
class TraceLogTest {
  final TestingClock clock = new TestingClock();

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

  List<TraceRecord> all(TraceLog log) {
    return log.query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
  }

  @Test
  void theOldestRecordsGoPastTheCapacity() {
    var log = new TraceLog(3, Duration.ofHours(1), clock);
    for (int i = 1; i <= 5; i++) {
      log.add(record("r" + i, "a/key1", "d", 200));
    }
    assertThat(ids(all(log))).containsExactly("r3", "r4", "r5");
    assertThat(log.size()).isEqualTo(3);
  }

  @Test
  void recordsOlderThanTheRetentionAreGone() {
    var log = new TraceLog(100, Duration.ofMinutes(10), clock);
    log.add(record("old", "a/key1", "d", 200));
    clock.advance(Duration.ofMinutes(6));
    log.add(record("new", "a/key1", "d", 200));
    clock.advance(Duration.ofMinutes(5));
    assertThat(ids(all(log))).containsExactly("new");
    clock.advance(Duration.ofMinutes(6));
    assertThat(all(log)).isEmpty();
  }

  @Test
  void filtersBySincePrincipalDeploymentStatusAndLimit() {
    var log = new TraceLog(100, Duration.ofHours(1), clock);
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
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("429"), 100)))
        .containsExactly("r2");
    assertThat(
            ids(
                log.query(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 2)))
        .containsExactly("r1", "r2");
  }

  @Test
  void refusesNonsenseBounds() {
    assertThatThrownBy(() -> new TraceLog(0, Duration.ofHours(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TraceLog(1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
