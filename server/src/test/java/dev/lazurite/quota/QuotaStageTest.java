package dev.lazurite.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaStageTest {
  static final String SMALL =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":5}";

  final TestingGraph graph =
      new TestingGraph()
          .deploy(
              "acct", "tiny", "gpt-4o", new TestingBackend(), 1, List.of(), FilterPolicy.DEFAULT);
  final QuotaStage stage = new QuotaStage(graph.quota);

  Exchange request() {
    return graph.before(QuotaStage.class, Operation.CHAT_COMPLETIONS, "tiny", SMALL);
  }

  @Test
  void admitsWithTheRateLimitHeadersAndSettlesToWhatTheAnswerCarries() {
    var response = stage.handle(request(), e -> Response.Json.ok("ok", 8, 2));
    assertThat(response.headers())
        .containsEntry("x-ratelimit-limit-requests", "1")
        .containsEntry("x-ratelimit-limit-tokens", "1000")
        .containsKey("x-ratelimit-remaining-tokens");
    assertThat(graph.quota.charged("acct/tiny")).isEqualTo(10);
  }

  @Test
  void refusesOverTheLimitWithRetryAfter() {
    stage.handle(request(), e -> Response.Json.ok("ok", 8, 2));
    assertThatThrownBy(() -> stage.handle(request(), e -> Response.Json.ok("ok", 8, 2)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.CALL_RATE_LIMITED);
              assertThat(e.headers()).containsKeys("Retry-After", "retry-after-ms");
            });
  }

  @Test
  void refundsTheEstimateWhenTheRequestFailsInside() {
    assertThatThrownBy(
            () ->
                stage.handle(
                    request(),
                    e -> {
                      throw ApiException.of(ErrorCode.UPSTREAM_ERROR, "down");
                    }))
        .isInstanceOf(ApiException.class);
    assertThat(graph.quota.charged("acct/tiny")).isZero();
  }
}
