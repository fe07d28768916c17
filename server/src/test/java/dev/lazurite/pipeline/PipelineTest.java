package dev.lazurite.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.testing.TestingExchanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void runsStagesInOrderAndReturnsTheLastAnswer() {
    List<String> seen = new ArrayList<>();
    var pipeline =
        new Pipeline(
            List.of(
                (e, c) -> {
                  seen.add("first");
                  return c.proceed(e).withHeaders(Map.of("x-first", "1"));
                },
                (e, c) -> {
                  seen.add("last");
                  return Response.Json.ok("answer");
                }));
    Response response = pipeline.execute(TestingExchanges.chat()).orThrow();
    assertThat(seen).containsExactly("first", "last");
    assertThat(response.headers()).containsEntry("x-first", "1");
  }

  @Test
  void rejectsAStageThatProceedsTwice() {
    var pipeline =
        new Pipeline(
            List.of(
                (e, c) -> {
                  c.proceed(e);
                  return c.proceed(e);
                },
                (e, c) -> Response.Json.ok("answer")));
    assertThatThrownBy(() -> pipeline.execute(TestingExchanges.chat()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than once");
  }

  @Test
  void rejectsALastStageThatProceeds() {
    var pipeline = new Pipeline(List.of((e, c) -> c.proceed(e)));
    assertThatThrownBy(() -> pipeline.execute(TestingExchanges.chat()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("last stage must answer");
  }

  @Test
  void refusesToReadWhatNoStageHasSetYet() {
    assertThatThrownBy(() -> TestingExchanges.chat().deployment())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DeploymentStage");
  }
}
