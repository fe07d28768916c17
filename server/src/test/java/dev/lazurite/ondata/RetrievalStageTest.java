package dev.lazurite.ondata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetrievalStageTest {
  final TestingGraph graph =
      new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());

  RetrievalStage stage() {
    return (RetrievalStage)
        graph.pipelines().of(Operation.CHAT_COMPLETIONS).stages().stream()
            .filter(RetrievalStage.class::isInstance)
            .findFirst()
            .orElseThrow();
  }

  Exchange request(String body) {
    return graph.before(RetrievalStage.class, Operation.CHAT_COMPLETIONS, "gpt-4o", body);
  }

  @Test
  void aChatWithoutDataSourcesGoesOnUnchanged() {
    Exchange exchange = request("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    AtomicReference<Exchange> inner = new AtomicReference<>();
    stage()
        .handle(
            exchange,
            e -> {
              inner.set(e);
              return Response.Json.ok("ok");
            });
    assertThat(inner.get()).isSameAs(exchange);
  }

  @Test
  void aSearchServiceThisServerDoesNotHaveIsRefusedWithoutCallingTheModel() {
    Exchange exchange =
        request(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"data_sources\":[{"
                + "\"type\":\"azure_search\",\"parameters\":{"
                + "\"endpoint\":\"https://nosuch.search.windows.net\",\"index_name\":\"docs\","
                + "\"authentication\":{\"type\":\"api_key\",\"key\":\"k\"}}}]}");
    assertThatThrownBy(
            () ->
                stage()
                    .handle(
                        exchange,
                        e -> {
                          throw new AssertionError("the model was called");
                        }))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().status()).isEqualTo(400));
  }
}
