package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingClassifier;
import dev.lazurite.testing.TestingEmbeddingBackend;
import dev.lazurite.testing.TestingGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionFilterStageTest {
  final TestingGraph graph =
      new TestingGraph()
          .deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend())
          .deploy("acct", "ada", "text-embedding-ada-002", new TestingEmbeddingBackend(1, false));
  final CompletionFilterStage stage =
      new CompletionFilterStage(new ContentSafety(new TestingClassifier(), false));

  Exchange chat() {
    return graph.before(
        CompletionFilterStage.class,
        Operation.CHAT_COMPLETIONS,
        "gpt-4o",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
  }

  static Response.Json answer(String text) {
    return Response.Json.ok(
        Map.of(
            "id",
            "chatcmpl-1",
            "choices",
            List.of(
                Map.of(
                    "index",
                    0,
                    "finish_reason",
                    "stop",
                    "message",
                    Map.of("role", "assistant", "content", text)))),
        8,
        2);
  }

  JsonNode body(Response response) {
    return Json.WIRE.valueToTree(((Response.Json) response).body());
  }

  @Test
  void annotatesTheAnswerAndItsPrompt() {
    JsonNode body = body(stage.handle(chat(), e -> answer("A calm reply.")));
    assertThat(body.at("/prompt_filter_results/0/prompt_index").asInt()).isZero();
    assertThat(
            body.at("/prompt_filter_results/0/content_filter_results/violence/severity").asText())
        .isEqualTo("safe");
    assertThat(body.at("/choices/0/content_filter_results/violence/filtered").asBoolean())
        .isFalse();
  }

  @Test
  void filtersAHarmfulCompletionAndKeepsItsCounts() {
    Response response = stage.handle(chat(), e -> answer("Something " + TestingClassifier.VIOLENT));
    JsonNode body = body(response);
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
    assertThat(body.at("/choices/0/message/content").isNull()).isTrue();
    assertThat(((Response.Json) response).completionTokens()).isEqualTo(2);
  }

  @Test
  void passesWhatThePromptFilterDidNotScreen() {
    Exchange embeddings =
        graph.before(CompletionFilterStage.class, Operation.EMBEDDINGS, "ada", "{\"input\":\"x\"}");
    Response.Json untouched = Response.Json.ok("vectors");
    assertThat(stage.handle(embeddings, e -> untouched)).isSameAs(untouched);
  }
}
