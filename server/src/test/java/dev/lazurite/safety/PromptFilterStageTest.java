package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingClassifier;
import dev.lazurite.testing.TestingEmbeddingBackend;
import dev.lazurite.testing.TestingGraph;
import org.junit.jupiter.api.Test;

class PromptFilterStageTest {
  final TestingGraph graph =
      new TestingGraph()
          .deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend())
          .deploy("acct", "ada", "text-embedding-ada-002", new TestingEmbeddingBackend(1, false));
  final PromptFilterStage stage =
      new PromptFilterStage(new ContentSafety(new TestingClassifier(), false));

  Exchange inward(Operation operation, String deployment, String body) {
    return TestingGraph.passedInward(
        stage, graph.before(PromptFilterStage.class, operation, deployment, body));
  }

  static String chat(String text) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
  }

  @Test
  void blocksAHarmfulPromptBeforeAnythingInsideRuns() {
    var exchange =
        graph.before(
            PromptFilterStage.class,
            Operation.CHAT_COMPLETIONS,
            "gpt-4o",
            chat("a " + TestingClassifier.VIOLENT + " request"));
    assertThatThrownBy(
            () ->
                stage.handle(
                    exchange,
                    e -> {
                      throw new AssertionError("the inner stages ran");
                    }))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONTENT_FILTER));
  }

  @Test
  void handsEachPromptsScreeningInward() {
    var inner = inward(Operation.CHAT_COMPLETIONS, "gpt-4o", chat("Hello"));
    assertThat(inner.screenings()).isPresent();
    assertThat(inner.screenings().get().prompts()).hasSize(1);
    assertThat(inner.screenings().get().documents()).isEmpty();
  }

  @Test
  void leavesEmbeddingsUnscreened() {
    var inner =
        inward(Operation.EMBEDDINGS, "ada", "{\"input\":\"" + TestingClassifier.VIOLENT + "\"}");
    assertThat(inner.screenings()).isEmpty();
  }
}
