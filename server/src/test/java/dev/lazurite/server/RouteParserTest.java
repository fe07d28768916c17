package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteParserTest {
  @Test
  void findsEachOperationOnItsDatedAndV1Routes() {
    for (Operation operation : Operation.values()) {
      for (var template : operation.routes()) {
        String path = "/openai/" + template.pattern().replace("{deployment-id}", "dep");
        Route route = RouteParser.parse(operation.method(), path, "2024-10-21");
        assertThat(route.operation()).isEqualTo(operation);
        assertThat(route.style()).isEqualTo(template.style());
      }
    }
  }

  @Test
  void takesTheDeploymentFromTheDatedPath() {
    Route route =
        RouteParser.parse("POST", "/openai/deployments/gpt-4o/chat/completions", "2024-10-21");
    assertThat(route.deploymentFromPath()).contains("gpt-4o");
    assertThat(route.templatePath())
        .isEqualTo("/openai/deployments/{deployment-id}/chat/completions");
    assertThat(RouteParser.parse("POST", "/openai/v1/embeddings", "").deploymentFromPath())
        .isEmpty();
  }

  @Test
  void countsRunsOfSlashesAsOne() {
    Route route =
        RouteParser.parse("POST", "//openai/deployments//gpt-35-turbo///completions", "2023-05-15");
    assertThat(route.operation()).isEqualTo(Operation.COMPLETIONS);
    assertThat(route.deploymentFromPath()).contains("gpt-35-turbo");
    assertThat(CollapsedSlashes.collapse("//openai//models")).isEqualTo("/openai/models");
  }

  @Test
  void decodesEachSegmentOnce() {
    assertThat(
            RouteParser.parse("POST", "/openai/deployments/my%2Ddep/embeddings", "")
                .deploymentFromPath())
        .contains("my-dep");
    assertThat(
            RouteParser.parse("POST", "/openai/deployments/a%2541/embeddings", "")
                .deploymentFromPath())
        .contains("a%41");
    assertThat(
            RouteParser.parse("POST", "/openai/deployments/a+b/embeddings", "")
                .deploymentFromPath())
        .contains("a+b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/openai/models/",
        "/openai/deployments/gpt-4o/chat/completions/",
        "/openai/deployments/x%zz/chat/completions",
        "/openai/deployments/x%4/chat/completions",
        "/openai/chat/completions",
        "/openai/v1/chat/completions/extra",
        "/openai/deployments/gpt-4o/chat%2Fcompletions",
        "/openai",
        "/",
        ""
      })
  void answersAzures404ForAnythingElse(String path) {
    assertThatThrownBy(() -> RouteParser.parse("POST", path, "2024-10-21"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void aKnownPathWithAnotherMethodIsNotFound() {
    assertThatThrownBy(
            () -> RouteParser.parse("GET", "/openai/deployments/d/chat/completions", "2024-10-21"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> RouteParser.parse("POST", "/openai/models", "2024-10-21"))
        .isInstanceOf(ApiException.class);
  }
}
