package dev.lazurite.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingEmbeddingBackend;
import dev.lazurite.testing.TestingGraph;
import dev.lazurite.tokens.TokenCounter;
import org.junit.jupiter.api.Test;

class RequestStageTest {
  final TestingGraph graph =
      new TestingGraph()
          .deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend())
          .deploy("acct", "ada", "text-embedding-ada-002", new TestingEmbeddingBackend(1, false));
  final RequestStage stage = new RequestStage(new TokenCounter());

  Exchange run(Operation operation, String deployment, String body) {
    return TestingGraph.passedInward(
        stage, graph.before(RequestStage.class, operation, deployment, body));
  }

  @Test
  void countsTheChatPromptWithTheModelsEncoding() {
    var request =
        run(
            Operation.CHAT_COMPLETIONS,
            "gpt-4o",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    assertThat(request.modelRequest()).isInstanceOf(ChatRequest.class);
    assertThat(request.modelRequest().promptTokens()).isEqualTo(8);
  }

  @Test
  void countsEveryEmbeddingsInput() {
    var request = run(Operation.EMBEDDINGS, "ada", "{\"input\":[\"one\",\"two words\"]}");
    assertThat(request.modelRequest()).isInstanceOf(EmbeddingRequest.class);
    assertThat(request.modelRequest().promptTokens()).isEqualTo(3);
  }

  @Test
  void refusesMoreOutputThanTheModelCanWrite() {
    assertThatThrownBy(
            () ->
                run(
                    Operation.CHAT_COMPLETIONS,
                    "gpt-4o",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":999999}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).contains("max_tokens is too large"));
  }
}
