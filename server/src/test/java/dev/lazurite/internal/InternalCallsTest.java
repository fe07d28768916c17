package dev.lazurite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.routing.CircuitBreaker;
import dev.lazurite.routing.LatencyTracker;
import dev.lazurite.routing.PoolMember;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.searchservice.DeploymentEmbeddings;
import dev.lazurite.testing.TestingEmbeddingBackend;
import dev.lazurite.testing.TestingGraph;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalCallsTest {
  static final String ADA = "text-embedding-ada-002";

  @Test
  void aVectorizerCallIsMeteredAsTheAccountsInternalCaller() {
    var graph =
        new TestingGraph().deploy("acct", "ada", ADA, new TestingEmbeddingBackend(7, false));
    List<float[]> vectors =
        graph.internalCalls().embed("acct", "ada", List.of("a", "b"), "search-vectorizer");
    assertThat(vectors).hasSize(2);
    assertThat(vectors.get(1)).containsExactly(7f, 1f);
    var ledger = graph.listener.last();
    assertThat(ledger.account()).isEqualTo("acct");
    assertThat(ledger.deployment()).isEqualTo("ada");
    assertThat(ledger.operationId()).isEqualTo("embeddings_create");
    assertThat(ledger.principal()).isEqualTo("internal/search-vectorizer");
    assertThat(ledger.promptTokens()).isEqualTo(2);
    assertThat(ledger.status()).isEqualTo(200);
  }

  @Test
  void aVectorizerCallCountsAgainstTheDeploymentsQuota() {
    // Capacity 1: one request per 10 seconds.
    var graph =
        new TestingGraph()
            .deploy(
                "acct",
                "ada",
                ADA,
                new TestingEmbeddingBackend(7, false),
                1,
                List.of(),
                FilterPolicy.DEFAULT);
    var calls = graph.internalCalls();
    calls.embed("acct", "ada", List.of("a"), "indexer");
    assertThatThrownBy(() -> calls.embed("acct", "ada", List.of("a"), "indexer"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CALL_RATE_LIMITED));
    assertThat(graph.listener.last().status()).isEqualTo(429);
  }

  @Test
  void aVectorizerCallFailsOverInItsPool() {
    var down = new TestingEmbeddingBackend(1, true);
    var up = new TestingEmbeddingBackend(2, false);
    var graph =
        new TestingGraph()
            .deploy(
                "acct",
                "ada",
                ADA,
                down,
                10,
                List.of(member("first", 0, down), member("second", 1, up)),
                FilterPolicy.DEFAULT);
    List<float[]> vectors = graph.internalCalls().embed("acct", "ada", List.of("a"), "indexer");
    assertThat(vectors.getFirst()[0]).isEqualTo(2f);
    assertThat(down.calls).hasValue(1);
    assertThat(graph.listener.events)
        .containsSubsequence(
            "attemptStart first", "attemptEnd first 502", "attemptStart second", "requestEnd 200");
  }

  @Test
  void aVectorizerCannotNameAnotherAccountsDeployment() {
    var other = new TestingEmbeddingBackend(9, false);
    var graph = new TestingGraph().deploy("other", "ada", ADA, other);
    assertThatThrownBy(() -> graph.internalCalls().embed("acct", "ada", List.of("a"), "indexer"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DEPLOYMENT_NOT_FOUND));
    assertThat(other.calls).hasValue(0);
    assertThatThrownBy(() -> graph.internalCalls().embed("nobody", "ada", List.of("a"), "indexer"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void aSearchVectorizerUsesTheAccountItsResourceUriNames() {
    var graph =
        new TestingGraph()
            .deploy("acct", "ada", ADA, new TestingEmbeddingBackend(1, false))
            .deploy("other", "ada", ADA, new TestingEmbeddingBackend(2, false));
    var embeddings = new DeploymentEmbeddings(graph::snapshot, graph.internalCalls(), null);
    assertThat(embeddings.embed("https://other.openai.azure.com", "ada", List.of("q")).getFirst())
        .containsExactly(2f, 0f);
    assertThat(graph.listener.last().account()).isEqualTo("other");
  }

  static PoolMember member(String name, int priority, TestingEmbeddingBackend backend) {
    return new PoolMember(
        name,
        "eastus",
        priority,
        1,
        backend,
        new CircuitBreaker(CircuitBreaker.Config.DEFAULT, Clock.systemUTC()),
        new LatencyTracker(Duration.ZERO));
  }
}
