package dev.lazurite.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingClassifier;
import dev.lazurite.testing.TestingGraph;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One ledger per request, whatever happens to it, with the counts quota settled. */
class LedgerTest {
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

  TestingGraph graph() {
    return new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());
  }

  @Test
  void anAnsweredRequestHasOneLedgerWithItsCounts() {
    var graph = graph();
    graph.call(Operation.CHAT_COMPLETIONS, "gpt-4o", HELLO).orThrow();
    assertThat(graph.listener.ledgers).hasSize(1);
    Ledger ledger = graph.listener.last();
    assertThat(ledger.status()).isEqualTo(200);
    assertThat(ledger.account()).isEqualTo("acct");
    assertThat(ledger.deployment()).isEqualTo("gpt-4o");
    assertThat(ledger.model()).isEqualTo("gpt-4o");
    assertThat(ledger.principal()).isEqualTo("acct/key1");
    assertThat(ledger.promptTokens()).isEqualTo(8);
    assertThat(ledger.completionTokens()).isEqualTo(3);
    assertThat(ledger.streamed()).isFalse();
    assertThat(ledger.endedNanos()).isGreaterThanOrEqualTo(ledger.receivedNanos());
    assertThat(graph.listener.events)
        .containsExactly(
            "requestStart",
            "attemptStart deployment",
            "firstByte deployment",
            "attemptEnd deployment 200",
            "requestEnd 200");
  }

  @Test
  void everyErrorStatusHasExactlyOneLedger() {
    var failing =
        new Backend() {
          @Override
          public Answer invoke(BackendCall call) {
            throw ApiException.of(ErrorCode.UPSTREAM_ERROR, "down");
          }
        };
    var graph =
        graph()
            .deploy("acct", "broken", "gpt-4o", failing)
            .deploy(
                "acct", "tiny", "gpt-4o", new TestingBackend(), 1, List.of(), FilterPolicy.DEFAULT);
    record Case(Exchange exchange, int status) {}
    String small = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":5}";
    List<Case> cases =
        List.of(
            new Case(
                TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "gpt-4o", "nope", HELLO), 401),
            new Case(
                TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "gpt-4o", TestingGraph.KEY, "{"),
                400),
            new Case(
                TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "none", TestingGraph.KEY, HELLO),
                404),
            new Case(
                TestingGraph.exchange(
                    Operation.CHAT_COMPLETIONS,
                    "gpt-4o",
                    TestingGraph.KEY,
                    "{\"messages\":[{\"role\":\"user\",\"content\":\""
                        + TestingClassifier.VIOLENT
                        + "\"}]}"),
                400),
            new Case(
                TestingGraph.exchange(
                    Operation.CHAT_COMPLETIONS, "broken", TestingGraph.KEY, HELLO),
                502),
            new Case(
                TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "tiny", TestingGraph.KEY, small),
                200),
            new Case(
                TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "tiny", TestingGraph.KEY, small),
                429));
    for (Case c : cases) {
      int before = graph.listener.ledgers.size();
      Outcome outcome = graph.pipelines().execute(c.exchange());
      assertThat(graph.listener.ledgers).hasSize(before + 1);
      assertThat(graph.listener.last().status()).isEqualTo(c.status());
      int status =
          switch (outcome) {
            case Outcome.Answered a -> 200;
            case Outcome.Failed f -> f.error().errorCode().status();
          };
      assertThat(status).isEqualTo(c.status());
    }
  }

  @Test
  void aRequestRefusedBeforeItsStagesIsRecorded() {
    var graph = graph();
    var exchange =
        TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "gpt-4o", TestingGraph.KEY, HELLO);
    graph
        .pipelines()
        .of(Operation.CHAT_COMPLETIONS)
        .reject(exchange, ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE));
    graph
        .pipelines()
        .rejectUnrouted(
            "unrouted", System.nanoTime(), ApiException.of(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(graph.listener.ledgers).extracting(Ledger::status).containsExactly(413, 404);
    assertThat(graph.listener.ledgers.getFirst().operationId()).isEqualTo("ChatCompletions_Create");
    assertThat(graph.listener.last().operationId()).isEmpty();
    assertThat(graph.listener.events)
        .containsExactly("requestStart", "requestFailed 413", "requestStart", "requestFailed 404");
  }

  @Test
  void aClientThatLeavesMidStreamIsRecordedOnceWithWhatItWasSent() {
    var graph = graph();
    var stream =
        (Response.Stream)
            graph
                .call(
                    Operation.CHAT_COMPLETIONS,
                    "gpt-4o",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":true}")
                .orThrow();
    assertThat(graph.listener.ledgers).isEmpty();
    int[] sent = {0};
    assertThatThrownBy(
            () ->
                stream
                    .events()
                    .writeTo(
                        event -> {
                          if (event.sent() && ++sent[0] == 3) {
                            throw new UncheckedIOException(new java.io.IOException("gone"));
                          }
                        }))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(graph.listener.ledgers).hasSize(1);
    Ledger ledger = graph.listener.last();
    assertThat(ledger.status()).isEqualTo(Ledger.CLIENT_CLOSED);
    assertThat(graph.listener.events)
        .containsSubsequence("attemptEnd deployment 499", "requestFailed 499");
    assertThat(ledger.streamed()).isTrue();
    assertThat(ledger.promptTokens()).isEqualTo(8);
  }

  @Test
  void quotaSettlesTheCountsTheLedgerRecords() {
    var graph = graph();
    graph.call(Operation.CHAT_COMPLETIONS, "gpt-4o", HELLO).orThrow();
    Ledger ledger = graph.listener.last();
    assertThat(graph.quota.charged("acct/gpt-4o"))
        .isEqualTo(ledger.promptTokens() + ledger.completionTokens());
  }
}
