package dev.lazurite.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Route;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingClock;
import dev.lazurite.testing.TestingExchanges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's events of one request become one Trace record, bounded in size. */
class TraceListenerTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  final TestingClock clock = new TestingClock();
  @TempDir Path dir;
  JdbiStore store;
  TraceLog log;
  TraceListener listener;

  @BeforeEach
  void open() {
    store = new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("trace.db")), null);
    log = new TraceLog(store.traces(), 100, Duration.ofHours(1), clock);
    listener = new TraceListener(log, clock);
  }

  @AfterEach
  void close() {
    log.close();
    store.close();
  }

  static Exchange exchange(String traceparent) {
    return TestingExchanges.of(
        Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"),
        traceparent.isEmpty() ? Map.of() : Map.of("traceparent", traceparent),
        "{}");
  }

  static Ledger ledger(Exchange exchange, int status) {
    return new Ledger(
        exchange.request().requestId(),
        "ChatCompletions_Create",
        "lazurite",
        "gpt-4o",
        "gpt-4o",
        "lazurite/key1",
        10,
        5,
        status,
        false,
        exchange.request().receivedNanos(),
        System.nanoTime());
  }

  List<TraceRecord> all() {
    return log.query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
  }

  @Test
  void stagesAndBackendAttemptsAreRecordedInOrder() {
    var exchange = exchange("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    listener.stageStart(exchange, "auth");
    listener.stageStart(exchange, "routing");
    listener.backendAttemptStart("req-1", "primary");
    listener.backendAttemptEnd("req-1", "primary", 503);
    listener.backendAttemptStart("req-1", "secondary");
    listener.backendFirstByte("req-1", "secondary");
    listener.backendAttemptEnd("req-1", "secondary", 200);
    listener.stageEnd("req-1", "routing", 2_000_000);
    listener.stageEnd("req-1", "auth", 3_000_000);
    listener.requestEnd(ledger(exchange, 200));

    var records = all();
    assertThat(records).hasSize(1);
    TraceRecord r = records.getFirst();
    assertThat(r.traceId()).isEqualTo(TRACE_ID);
    assertThat(r.stages()).extracting(TraceRecord.Stage::name).containsExactly("auth", "routing");
    assertThat(r.stages().get(0).durationMs()).isEqualTo(3.0);
    assertThat(r.stages().get(1).durationMs()).isEqualTo(2.0);
    assertThat(r.stages().get(1).startMs()).isGreaterThanOrEqualTo(r.stages().get(0).startMs());
    assertThat(r.attempts())
        .extracting(TraceRecord.Attempt::backend, TraceRecord.Attempt::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("primary", 503),
            org.assertj.core.groups.Tuple.tuple("secondary", 200));
    assertThat(r.attempts().get(0).firstByteMs()).isNegative();
    assertThat(r.attempts().get(1).firstByteMs()).isNotNegative();

    JsonNode json = r.json();
    assertThat(json.path("category").asText()).isEqualTo("Trace");
    assertThat(json.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
    assertThat(json.path("resultSignature").asText()).isEqualTo("200");
    assertThat(json.path("correlationId").asText()).isEqualTo("req-1");
    JsonNode p = json.path("properties");
    assertThat(p.path("modelDeploymentName").asText()).isEqualTo("gpt-4o");
    assertThat(p.path("streamType").asText()).isEqualTo("Non-Streaming");
    assertThat(p.path("traceId").asText()).isEqualTo(TRACE_ID);
    assertThat(p.path("stages").size()).isEqualTo(2);
    assertThat(p.path("backendAttempts").get(0).path("resultSignature").asText()).isEqualTo("503");
    assertThat(p.path("backendAttempts").get(0).has("firstByteMs")).isFalse();
  }

  @Test
  void aFailedRequestIsRecordedAndItsOpenPartsClosedAtItsEnd() {
    var exchange = exchange("");
    listener.stageStart(exchange, "auth");
    listener.backendAttemptStart("req-1", "primary");
    listener.requestFailed(ledger(exchange, 499), new RuntimeException("client left"));
    TraceRecord r = all().getFirst();
    assertThat(r.resultSignature()).isEqualTo("499");
    assertThat(r.traceId()).isEmpty();
    assertThat(r.stages()).hasSize(1);
    assertThat(r.attempts().getFirst().status()).isZero();
    assertThat(r.json().path("properties").has("traceId")).isFalse();
    // Events after the end start nothing.
    listener.stageEnd("req-1", "auth", 1);
    listener.backendAttemptEnd("req-1", "primary", 200);
    assertThat(all()).hasSize(1);
  }

  @Test
  void aRequestWithoutStagesStillHasItsRecord() {
    listener.requestEnd(ledger(exchange(""), 404));
    TraceRecord r = all().getFirst();
    assertThat(r.stages()).isEmpty();
    assertThat(r.attempts()).isEmpty();
    assertThat(r.resultSignature()).isEqualTo("404");
  }

  @Test
  void malformedTraceparentsAreIgnored() {
    for (String bad :
        List.of(
            "garbage",
            "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID.toUpperCase(java.util.Locale.ROOT) + "-00f067aa0ba902b7-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-00f067aa0ba902b7")) {
      assertThat(TraceListener.traceId(exchange(bad))).as(bad).isEmpty();
    }
  }

  @Test
  void aRecordIsCappedInStagesAndAttempts() {
    var exchange = exchange("");
    for (int i = 0; i < TraceListener.MAX_STAGES + 5; i++) {
      listener.stageStart(exchange, "s" + i);
    }
    for (int i = 0; i < TraceListener.MAX_ATTEMPTS + 3; i++) {
      listener.backendAttemptStart("req-1", "b" + i);
      listener.backendAttemptEnd("req-1", "b" + i, 500);
    }
    listener.requestEnd(ledger(exchange, 500));
    TraceRecord r = all().getFirst();
    assertThat(r.stages()).hasSize(TraceListener.MAX_STAGES);
    assertThat(r.attempts()).hasSize(TraceListener.MAX_ATTEMPTS);
    assertThat(r.dropped()).isEqualTo(8);
    assertThat(r.json().path("properties").path("dropped").asInt()).isEqualTo(8);
  }
}
