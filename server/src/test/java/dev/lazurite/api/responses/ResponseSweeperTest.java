package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored responses past their retention are removed in the background with their kept events,
 * without waiting for the next response to be stored; the others are kept.
 */
class ResponseSweeperTest {
  static final long CREATED = Instant.parse("2026-11-01T10:00:00Z").getEpochSecond();

  @TempDir Path dir;

  @Test
  void anExpiredResponseIsSweptWithItsEventsAndALiveOneIsKept() throws Exception {
    var now = new AtomicReference<>(Instant.ofEpochSecond(CREATED));
    Clock clock = clockAt(now);
    try (var store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("s.db")), null)) {
      ResponseStore responses = store.responses();
      stored(responses, "resp_old", CREATED);
      stored(responses, "resp_new", CREATED + Duration.ofDays(10).toSeconds());
      now.set(Instant.ofEpochSecond(CREATED).plus(CreateResponseStage.RETENTION));

      try (var sweeper = ResponseSweeper.start(responses, Duration.ofMillis(20), clock)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!responses.events("res", "resp_old", -1, 10).isEmpty()
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(sweeper.sweep()).isZero();
      }
      long later = now.get().getEpochSecond();
      assertThat(responses.events("res", "resp_old", -1, 10)).isEmpty();
      assertThat(responses.find("res", "keys", "resp_old", CREATED)).isEmpty();
      assertThat(responses.find("res", "keys", "resp_new", later)).isPresent();
      // Past its five streamable minutes, a kept stream goes; the response stays.
      assertThat(responses.events("res", "resp_new", -1, 10)).isEmpty();
    }
  }

  @Test
  void aSweepRemovesNothingBeforeRetention() throws Exception {
    var now = new AtomicReference<>(Instant.ofEpochSecond(CREATED));
    try (var store = new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("t.db")), null)) {
      ResponseStore responses = store.responses();
      stored(responses, "resp_young", CREATED);
      now.set(Instant.ofEpochSecond(CREATED + 60));
      try (var sweeper = ResponseSweeper.start(responses, Duration.ofHours(1), clockAt(now))) {
        assertThat(sweeper.sweep()).isZero();
      }
      assertThat(responses.find("res", "keys", "resp_young", CREATED + 60)).isPresent();
      assertThat(responses.events("res", "resp_young", -1, 10)).hasSize(1);
    }
  }

  private static void stored(ResponseStore responses, String id, long createdAt) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", id).put("object", "response").put("status", "completed");
    body.put("background", true).putArray("output");
    responses.insert(
        new StoredResponse(
            "res",
            "keys",
            id,
            createdAt,
            createdAt + CreateResponseStage.RETENTION.toSeconds(),
            body,
            List.of(),
            List.of()));
    responses.appendEvent("res", id, 0, "{\"type\":\"response.queued\",\"sequence_number\":0}");
  }

  /** A clock that reads the instant {@code now} holds. */
  private static Clock clockAt(AtomicReference<Instant> now) {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }
}
