package dev.lazurite.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.auth.AuthenticationStage;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.request.BodyStage;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingExchanges;
import dev.lazurite.testing.TestingSnapshots;
import dev.lazurite.testing.TestingTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentStageTest {
  static Pipeline pipeline() {
    return new Pipeline(
        List.of(
            new AuthenticationStage(
                () -> TestingSnapshots.withBackend(new TestingBackend()),
                TestingTokens.create().validator()),
            new BodyStage(),
            new DeploymentStage(),
            (e, c) -> Response.Json.ok(e.deployment().deployment().name())));
  }

  static Object run(Route route, String body) {
    var response =
        pipeline()
            .execute(TestingExchanges.of(route, Map.of("api-key", TestingSnapshots.KEY), body))
            .orThrow();
    return ((Response.Json) response).body();
  }

  @Test
  void findsTheDeploymentInThePathOrTheBodysModel() {
    assertThat(run(Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"), "{}"))
        .isEqualTo("gpt-4o");
    assertThat(run(Route.modelCall(Operation.CHAT_COMPLETIONS, "", ""), "{\"model\":\"gpt-4o\"}"))
        .isEqualTo("gpt-4o");
  }

  @Test
  void rejectsUnknownDeploymentsAndOperationsTheModelCannotDo() {
    assertThatThrownBy(
            () -> run(Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-5", "2024-10-21"), "{}"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("The API deployment for this resource does not exist.");
    assertThatThrownBy(
            () -> run(Route.modelCall(Operation.EMBEDDINGS, "gpt-4o", "2024-10-21"), "{}"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith(
            "The embeddings operation does not work with the specified model, gpt-4o.");
    assertThatThrownBy(
            () -> run(Route.modelCall(Operation.CHAT_COMPLETIONS, "", ""), "{\"model\":5}"))
        .isInstanceOf(ApiException.class)
        .hasMessage("Invalid type for 'model': expected a string, but got an integer instead.");
  }
}
