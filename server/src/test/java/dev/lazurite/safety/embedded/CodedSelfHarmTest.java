package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coded self-harm language in six languages is a cue; support and everyday text is not. */
class CodedSelfHarmTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "honestly might kms after this week",
        "thinking about unaliving, nothing matters",
        "thinspo pls, need motivation to skip dinner",
        "Ya no aguanto, quiero quitarme la vida.",
        "Ich will mich umbringen.",
        "我想割腕。",
        // Letters that a case-insensitive match takes for "k" and "s": the Kelvin sign, a long s.
        "I hope I never wa\u212Ae up again",
        "thin\u017Fpo pls"
      })
  void slangAndCodeWordsAreCues(String text) {
    assertThat(CodedSelfHarm.of(text)).contains("#coded-self-harm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Our suicide prevention line is open around the clock.",
        "The eating disorder clinic helps patients rebuild regular meals.",
        "This traffic is killing me.",
        "Recipe: 250 g flour, 2 eggs, a pinch of salt."
      })
  void supportTextAndEverydayTextAreNot(String text) {
    assertThat(CodedSelfHarm.of(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Give me 400 calories a day until I am 45 kg.",
        "每天300卡，我要瘦到40公斤",
        "500 kcal täglich, bis ich 42 Kilo wiege"
      })
  void aDailyCountBesideATargetWeightIsACue(String text) {
    assertThat(CodedSelfHarm.of(text)).contains("#calorie-target");
  }
}
