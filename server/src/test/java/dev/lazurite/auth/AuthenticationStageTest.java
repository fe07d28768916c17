package dev.lazurite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingExchanges;
import dev.lazurite.testing.TestingSnapshots;
import dev.lazurite.testing.TestingTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationStageTest {
  final AuthenticationStage stage =
      new AuthenticationStage(
          () -> TestingSnapshots.withBackend(new TestingBackend()),
          TestingTokens.create().validator());
  static final Route DATED = Route.modelCall(Operation.CHAT_COMPLETIONS, "gpt-4o", "2024-10-21");
  static final Route V1 = Route.modelCall(Operation.CHAT_COMPLETIONS, "", "");

  ErrorCode rejection(Route route, Map<String, String> headers) {
    try {
      stage.handle(TestingExchanges.of(route, headers, "{}"), e -> Response.Json.ok("never"));
    } catch (ApiException e) {
      return e.errorCode();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void acceptsTheApiKeyHeaderAndNamesTheKeySlot() {
    var exchange = TestingExchanges.of(DATED, Map.of("api-key", TestingSnapshots.KEY), "{}");
    Response answer =
        stage.handle(
            exchange,
            e -> {
              assertThat(e.principal().id()).isEqualTo("acct/key1");
              assertThat(e.account().region()).isEqualTo("West Europe");
              return Response.Json.ok("ok");
            });
    assertThat(((Response.Json) answer).body()).isEqualTo("ok");
  }

  @Test
  void acceptsTheKeyAsABearerToken() {
    var exchange =
        TestingExchanges.of(V1, Map.of("authorization", "Bearer " + TestingSnapshots.KEY), "{}");
    assertThat(stage.handle(exchange, e -> Response.Json.ok("ok")))
        .isInstanceOf(Response.Json.class);
  }

  @Test
  void rejectsWithTheRightAzureBody() {
    assertThat(rejection(DATED, Map.of())).isEqualTo(ErrorCode.INVALID_KEY);
    assertThat(rejection(DATED, Map.of("api-key", "nope"))).isEqualTo(ErrorCode.INVALID_KEY);
    assertThat(rejection(DATED, Map.of("authorization", "Bearer nope")))
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(rejection(V1, Map.of("authorization", "Bearer nope")))
        .isEqualTo(ErrorCode.INVALID_KEY);
    assertThat(rejection(V1, Map.of("authorization", "Bearer a.b.c")))
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(rejection(DATED, Map.of("authorization", "Basic " + TestingSnapshots.KEY)))
        .isEqualTo(ErrorCode.INVALID_KEY);
  }

  @Test
  void refusesTokensSentInClearTextFromAnotherHost() throws Exception {
    var tokens = TestingTokens.create();
    var stage =
        new AuthenticationStage(
            () -> TestingSnapshots.withBackend(new TestingBackend()), tokens.validator());
    var headers = Map.of("authorization", "Bearer " + tokens.token("oid", java.util.List.of()));
    var remote = java.net.InetAddress.getByName("10.1.2.3");
    assertThatThrownBy(
            () ->
                stage.handle(
                    TestingExchanges.of(DATED, headers, "{}", remote, false),
                    e -> Response.Json.ok("x")))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).errorCode())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(
            stage.handle(
                TestingExchanges.of(DATED, headers, "{}", remote, true),
                e -> Response.Json.ok("ok")))
        .isInstanceOf(Response.Json.class);
    assertThat(
            stage.handle(
                TestingExchanges.of(
                    DATED, headers, "{}", java.net.InetAddress.getLoopbackAddress(), false),
                e -> Response.Json.ok("ok")))
        .isInstanceOf(Response.Json.class);
  }

  @Test
  void rejectsAKeyDifferingInItsLastCharacter() {
    String almost = TestingSnapshots.KEY.substring(0, 31) + "0";
    assertThatThrownBy(
            () ->
                stage.handle(
                    TestingExchanges.of(DATED, Map.of("api-key", almost), "{}"),
                    e -> Response.Json.ok("x")))
        .isInstanceOf(ApiException.class);
  }

  static dev.lazurite.pipeline.Exchange at(String resource, Map<String, String> headers) {
    var loopback = java.net.InetAddress.getLoopbackAddress();
    return TestingExchanges.of(
        DATED,
        headers,
        "{}",
        new dev.lazurite.pipeline.Origin.Remote(
            loopback,
            loopback,
            new java.net.InetSocketAddress(loopback, 0),
            false,
            java.util.Optional.of(resource)));
  }

  @Test
  void aKeyIsAcceptedOnlyAtItsOwnResourcesEndpoint() {
    var own = at("acct", Map.of("api-key", TestingSnapshots.KEY));
    assertThat(stage.handle(own, e -> Response.Json.ok(e.account().account().name())))
        .isEqualTo(Response.Json.ok("acct"));
    assertThatThrownBy(
            () ->
                stage.handle(
                    at("nosuch", Map.of("api-key", TestingSnapshots.KEY)),
                    e -> Response.Json.ok("x")))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).errorCode())
        .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
  }

  @Test
  void aTokenReachesTheResourceItsEndpointNames() {
    var tokens = TestingTokens.create();
    var stage =
        new AuthenticationStage(
            () -> TestingSnapshots.withBackend(new TestingBackend()), tokens.validator());
    var headers = Map.of("authorization", "Bearer " + tokens.token("oid", java.util.List.of()));
    assertThat(
            stage.handle(at("acct", headers), e -> Response.Json.ok(e.account().account().name())))
        .isEqualTo(Response.Json.ok("acct"));
    assertThatThrownBy(() -> stage.handle(at("other", headers), e -> Response.Json.ok("x")))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).errorCode())
        .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
  }
}
