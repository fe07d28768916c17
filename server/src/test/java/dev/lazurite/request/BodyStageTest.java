package dev.lazurite.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import org.junit.jupiter.api.Test;

class BodyStageTest {
  final TestingGraph graph =
      new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", new TestingBackend());
  final BodyStage stage = new BodyStage();

  Response run(String body) {
    var exchange = graph.before(BodyStage.class, Operation.CHAT_COMPLETIONS, "gpt-4o", body);
    return stage.handle(exchange, e -> Response.Json.ok(e.jsonBody().path("n").asInt()));
  }

  @Test
  void handsTheParsedObjectInward() {
    assertThat(((Response.Json) run("{\"n\": 7}")).body()).isEqualTo(7);
  }

  @Test
  void refusesMalformedJsonWithAzuresMessage() {
    assertThatThrownBy(() -> run("{\"n\": "))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
              assertThat(e.getMessage()).isEqualTo(BodyStage.MALFORMED);
            });
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    assertThatThrownBy(() -> run("[1, 2]")).isInstanceOf(ApiException.class);
  }
}
