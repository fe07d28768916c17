package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import dev.lazurite.safety.eval.LabelledExample;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LikenessTest {
  private final Likeness likeness =
      Likeness.of(
          List.of(
              new LabelledExample("violent", Optional.of(Category.VIOLENCE), Severity.HIGH),
              new LabelledExample("look-alike", Optional.of(Category.VIOLENCE), Severity.SAFE),
              new LabelledExample("hateful", Optional.of(Category.HATE), Severity.MEDIUM)),
          List.of(new float[] {2, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 5}));

  @Test
  void aTextIsNearWhenSomeHarmfulExampleIsWithinTheFloor() {
    // cos = 0.6 to the violent example, whatever the vectors' lengths.
    assertThat(likeness.near(new float[] {3, 4, 0})).isTrue();
    // cos = 0.71 to the hateful one.
    assertThat(likeness.near(new float[] {0, 1, 1})).isTrue();
  }

  @Test
  void aTextUnlikeEveryHarmfulExampleIsNotNear() {
    // cos = 0.2 to the violent example and 0 to the hateful one.
    assertThat(likeness.near(new float[] {1, 4.9f, 0})).isFalse();
    // Equal to the look-alike, which is not harmful.
    assertThat(likeness.near(new float[] {0, 1, 0})).isFalse();
    assertThat(likeness.near(new float[] {0, 0, 0})).isFalse();
  }

  @Test
  void withoutHarmfulExamplesToCompareWithEverythingCountsAsNear() {
    Likeness none =
        Likeness.of(
            List.of(new LabelledExample("benign", Optional.empty(), Severity.SAFE)),
            List.<float[]>of(new float[] {1, 0}));
    assertThat(none.near(new float[] {0, 1})).isTrue();
    // Nor can an embedding of another size be compared.
    assertThat(likeness.near(new float[] {0, 1})).isTrue();
  }
}
