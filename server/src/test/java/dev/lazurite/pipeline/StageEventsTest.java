package dev.lazurite.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingExchanges;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stage events go only to listeners that observe stages; request events still go to every listener,
 * and a pipeline whose listeners observe no stage times none.
 */
class StageEventsTest {
  /** Records request events only. */
  static final class Requests implements PipelineListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void requestStart(String requestId) {
      events.add("start");
    }

    @Override
    public void requestEnd(Ledger ledger) {
      events.add("end");
    }
  }

  /** Records stage events too. */
  static final class Stages implements PipelineListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void requestEnd(Ledger ledger) {
      events.add("end");
    }

    @Override
    public void stageEnd(String requestId, String stage, long nanos) {
      events.add("stage " + stage);
    }
  }

  static final class Counting implements PipelineListener {
    int stageStarts;

    @Override
    public void stageStart(Exchange exchange, String stage) {
      stageStarts++;
    }
  }

  static Pipeline twoStages(PipelineListener listener) {
    return new Pipeline(
        List.of((e, c) -> c.proceed(e), (e, c) -> Response.Json.ok("answer")), listener);
  }

  @Test
  void aListenerObservesStagesWhenItOverridesAStageEvent() {
    assertThat(new Requests().observesStages()).isFalse();
    assertThat(new Stages().observesStages()).isTrue();
    assertThat(new Counting().observesStages()).isTrue();
    assertThat(PipelineListener.NONE.observesStages()).isFalse();
    assertThat(PipelineListener.of(List.of(new Requests())).observesStages()).isFalse();
    assertThat(PipelineListener.of(List.of(new Requests(), new Stages())).observesStages())
        .isTrue();
    assertThat(
            PipelineListener.of(List.of(PipelineListener.of(List.of(new Counting()))))
                .observesStages())
        .isTrue();
  }

  @Test
  void stageEventsReachOnlyTheListenersThatObserveThem() {
    var requests = new Requests();
    var stages = new Stages();
    var counting = new Counting();
    var nested = PipelineListener.of(List.of(counting));
    twoStages(PipelineListener.of(List.of(requests, stages, nested)))
        .execute(TestingExchanges.chat())
        .orThrow();
    assertThat(requests.events).containsExactly("start", "end");
    assertThat(stages.events).hasSize(3).last().isEqualTo("end");
    assertThat(stages.events.subList(0, 2)).allMatch(e -> e.startsWith("stage "));
    assertThat(counting.stageStarts).isEqualTo(2);
  }

  @Test
  void requestEventsStillReachListenersThatObserveNoStage() {
    var requests = new Requests();
    twoStages(PipelineListener.of(List.of(requests))).execute(TestingExchanges.chat()).orThrow();
    assertThat(requests.events).containsExactly("start", "end");
  }
}
