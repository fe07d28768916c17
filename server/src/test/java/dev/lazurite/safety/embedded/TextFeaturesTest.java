package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  @Test
  void stemsAreLowerCasedPorterStemsOfStandardTokens() {
    assertThat(TextFeatures.stems("The Running dogs, JUMPED!"))
        .containsExactly("the", "run", "dog", "jump");
  }

  @Test
  void aCutOffEndIsReadWithTheSentenceBeforeIt() {
    assertThat(TextFeatures.windows("The plan is ready. We review it on Monday. Shared detail"))
        .containsExactly(
            "The plan is ready.",
            "We review it on Monday. Shared detail",
            "The plan is ready. We review it on Monday. Shared detail");
    assertThat(TextFeatures.fragment("Trace me")).isTrue();
    assertThat(TextFeatures.fragment("Trace me now please, today")).isFalse();
    assertThat(TextFeatures.fragment("我要杀了你")).isFalse();
  }

  @Test
  void aChainUsedBeforeLeavesNothingBehindForTheNextText() {
    TextFeatures.stems("first text with several words");

    assertThat(TextFeatures.stems("Cats")).containsExactly("cat");
  }

  @Test
  void concurrentCallersEachGetTheStemsOfTheirOwnText() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<String>>> results =
          IntStream.range(0, 200)
              .mapToObj(i -> executor.submit(() -> TextFeatures.stems("word" + i + " walking")))
              .toList();
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).containsExactly("word" + i, "walk");
      }
    }
  }
}
