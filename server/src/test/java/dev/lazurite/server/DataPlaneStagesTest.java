package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.testing.TestingGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPlaneStagesTest {
  final TestingGraph graph = new TestingGraph();

  List<String> stages(Operation operation) {
    return graph.pipelines().of(operation).stages().stream()
        .map(Stage::getClass)
        .map(Class::getSimpleName)
        .toList();
  }

  @Test
  void everyModelCallRunsTheFullStageOrder() {
    for (Operation operation :
        List.of(Operation.CHAT_COMPLETIONS, Operation.COMPLETIONS, Operation.EMBEDDINGS)) {
      assertThat(stages(operation))
          .containsExactly(
              "NetworkRuleStage",
              "AuthenticationStage",
              "ApiVersionStage",
              "BodyStage",
              "AuthorizationStage",
              "DeploymentStage",
              "RequestStage",
              "BudgetStage",
              "QuotaStage",
              "PromptFilterStage",
              "RetrievalStage",
              "CompletionFilterStage",
              "RoutingStage");
    }
  }

  @Test
  void theModelListIsItsOwnEndpointWithoutModelStages() {
    assertThat(stages(Operation.LIST_MODELS))
        .containsExactly(
            "NetworkRuleStage",
            "AuthenticationStage",
            "ApiVersionStage",
            "AuthorizationStage",
            "ModelListStage");
  }

  @Test
  void batchCallsEndInTheirOwnStage() {
    for (Operation operation :
        List.of(
            Operation.BATCHES_CREATE,
            Operation.BATCHES_LIST,
            Operation.BATCHES_GET,
            Operation.BATCHES_CANCEL)) {
      assertThat(stages(operation))
          .hasSize(5)
          .startsWith(
              "NetworkRuleStage", "AuthenticationStage", "ApiVersionStage", "AuthorizationStage");
    }
  }

  @Test
  void everyOperationHasAPipeline() {
    for (Operation operation : Operation.values()) {
      assertThat(graph.pipelines().of(operation)).isNotNull();
    }
  }
}
