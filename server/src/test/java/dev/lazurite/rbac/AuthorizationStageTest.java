package dev.lazurite.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationStageTest {
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  static final String SCOPE =
      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct";

  final TestingGraph graph =
      new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());
  final AuthorizationStage stage = new AuthorizationStage(graph::snapshot);

  Exchange withToken(String objectId) {
    String token = graph.tokenIssuer.token(objectId, List.of());
    var request =
        new Exchange(
            new Exchange.Request(
                "req",
                Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"),
                Map.of("authorization", "Bearer " + token, "host", "acct.openai.azure.com"),
                HELLO.getBytes(StandardCharsets.UTF_8),
                Origin.Remote.loopback(),
                System.nanoTime()));
    return graph.before(AuthorizationStage.class, Operation.CHAT_COMPLETIONS, request);
  }

  Response proceed(Exchange exchange) {
    return stage.handle(exchange, e -> Response.Json.ok("allowed"));
  }

  @Test
  void aTokenWithoutTheDataActionIsDenied() {
    assertThatThrownBy(() -> proceed(withToken("11111111-1111-1111-1111-111111111111")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
              assertThat(e.getMessage())
                  .contains("/openai/deployments/{deployment-id}/chat/completions")
                  .contains("POST");
            });
  }

  @Test
  void aTokenWithTheUserRoleOnTheAccountIsAllowed() {
    String user = "22222222-2222-2222-2222-222222222222";
    graph.assign(
        new RoleAssignment("a1", user, BuiltInRoles.OPENAI_USER.id(), SCOPE, Instant.EPOCH));
    assertThat(((Response.Json) proceed(withToken(user))).body()).isEqualTo("allowed");
  }

  @Test
  void keysAndInternalCallersNeedNoRole() {
    var key =
        graph.before(
            AuthorizationStage.class,
            Operation.CHAT_COMPLETIONS,
            TestingGraph.exchange(Operation.CHAT_COMPLETIONS, "gpt-4o", TestingGraph.KEY, HELLO));
    assertThat(((Response.Json) proceed(key)).body()).isEqualTo("allowed");
    var internal =
        graph.before(
            AuthorizationStage.class,
            Operation.CHAT_COMPLETIONS,
            new Exchange(
                new Exchange.Request(
                    "req",
                    Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21"),
                    Map.of(),
                    HELLO.getBytes(StandardCharsets.UTF_8),
                    new Origin.Internal("acct", "batch"),
                    System.nanoTime())));
    assertThat(((Response.Json) proceed(internal)).body()).isEqualTo("allowed");
  }
}
