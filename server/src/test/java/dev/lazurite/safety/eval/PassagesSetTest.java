package dev.lazurite.safety.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesSetTest {
  @Test
  void everyHarmfulDevelopmentLineSitsInsideAnEverydayTextOfItsLanguage() {
    List<LabelledExample> harmful =
        LabelledSet.development().stream().filter(LabelledExample::harmful).toList();
    List<LabelledExample> passages = LabelledSet.passages();
    assertThat(passages).hasSize(harmful.size());
    List<LabelledExample> pasted = LabelledSet.pasted();
    for (int i = 0; i < passages.size(); i++) {
      LabelledExample passage = passages.get(i);
      LabelledExample request = harmful.get(i);
      assertThat(passage.text()).contains(request.text()).isNotEqualTo(request.text());
      assertThat(passage.category()).isEqualTo(request.category());
      assertThat(passage.severity()).isEqualTo(request.severity());
      assertThat(passage.facets()).isEqualTo(request.facets());
      String host = passage.text().replace(request.text(), "");
      assertThat(pasted)
          .anyMatch(
              p ->
                  p.facets().language().equals(request.facets().language())
                      && host.replaceAll("\\s", "").equals(p.text().replaceAll("\\s", "")));
    }
  }

  @Test
  void theRequestFollowsTheOpeningParagraphOrSentence() {
    assertThat(LabelledSet.inside("Title\n\nBody.", "X")).isEqualTo("Title\n\nX\n\nBody.");
    assertThat(LabelledSet.inside("One. Two.", "X")).isEqualTo("One. X Two.");
    assertThat(LabelledSet.inside("One line", "X")).isEqualTo("One line\n\nX");
  }
}
