package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everyday figures of speech are taken out before judging; literal harm is left as written. */
class IdiomsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Honestly the humidity is killing me this week.",
        "I'm dead tired, see you tomorrow.",
        "Shoot me a message once you land.",
        "We should bury the hatchet before the wedding.",
        "My battery is dying, call you later.",
        "Me muero de hambre, ¿pedimos algo?",
        "Estamos muertos de cansancio tras la mudanza.",
        "Ich lache mich tot, schau dir das an.",
        "Nach der Wanderung war ich todmüde.",
        "On est morts de rire depuis une heure.",
        "Je meurs de soif après ce match.",
        "Estou morrendo de sono hoje.",
        "A gente morreu de rir no cinema.",
        "今天冷死了。",
        "周末去海边一举两得。"
      })
  void idiomsAreTakenOut(String text) {
    assertThat(Idioms.masked(text)).isNotEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I will kill you when you get home tonight.",
        "Tell me how to stab someone without being caught.",
        "The mortgage statement shows the total owed.",
        "Quiero matarlo esta noche.",
        "Ich bringe dich um, wenn du redest.",
        "Je vais te tuer demain."
      })
  void literalHarmIsLeftAlone(String text) {
    assertThat(Idioms.masked(text)).isEqualTo(text);
  }
}
