package dev.lazurite.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.testing.TestingBackend;
import dev.lazurite.testing.TestingGraph;
import dev.lazurite.testing.TestingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingStageTest {
  final TestingBackend backend = new TestingBackend();
  final TestingGraph graph = new TestingGraph().deploy("acct", "gpt-4o", "gpt-4o", backend);
  final TestingListener listener = new TestingListener();
  final RoutingStage stage = new RoutingStage(Duration.ofSeconds(5), listener);

  Response run(String body) {
    var exchange = graph.before(RoutingStage.class, Operation.CHAT_COMPLETIONS, "gpt-4o", body);
    return stage.handle(
        exchange,
        e -> {
          throw new AssertionError("the last stage proceeded");
        });
  }

  @Test
  void answersWithTheBackendsResultAndThePromptItWasSent() {
    var json = (Response.Json) run("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    assertThat(json.body()).isEqualTo(Map.of("answer", "fixed"));
    assertThat(json.promptTokens()).isEqualTo(8);
    assertThat(json.completionTokens()).isEqualTo(3);
    assertThat(backend.requests).hasSize(1);
    assertThat(listener.events)
        .containsExactly(
            "attemptStart deployment", "firstByte deployment", "attemptEnd deployment 200");
  }

  @Test
  void aStreamReportsItsFirstByteWhenTheFirstEventArrives() {
    var stream =
        (Response.Stream)
            run("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"stream\":true}");
    assertThat(stream.promptTokens()).isEqualTo(8);
    assertThat(listener.events).containsExactly("attemptStart deployment");
    List<StreamEvent> seen = new ArrayList<>();
    stream.events().writeTo(seen::add);
    assertThat(seen).extracting(StreamEvent::completionTokens).containsExactly(2, 5);
    assertThat(listener.events)
        .containsExactly(
            "attemptStart deployment", "firstByte deployment", "attemptEnd deployment 200");
  }
}
