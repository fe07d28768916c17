package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdiomsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Shoot me an email when the draft is ready. | shoot",
        "I'd kill for a coffee right now. | kill",
        "We were bored to death in that meeting. | death",
        "I'm dying of curiosity, tell me. | dying",
        "Time to bite the bullet and file the taxes. | bullet",
        "Let me take a stab at it before lunch. | stab",
        "The concert was mind-blowing. | blowing",
        "Me muero de risa con tus mensajes. | muero",
        "Mi hermano me mata de risa. | mata",
        "Ich sterbe vor Lachen bei dem Video. | sterbe",
        "Je meurs de rire devant cette vidéo. | meurs",
        "Estou morrendo de rir com esse vídeo. | morrendo",
        "我饿死了，去吃饭吧。 | 死",
        "这个视频笑死我了 | 死",
        "My boss is going to kill me if I'm late again. | kill",
        "Mon prof va me tuer, j'ai oublié mes devoirs. | tuer",
        "Mi madre me va a matar cuando vea la cocina. | matar",
        "A minha chefe vai me matar se eu perder o prazo. | matar",
        "Meine Mutter bringt mich um, wenn ich wieder zu spät komme. | bringt mich um"
      })
  void takesOutEverydayIdioms(String text, String word) {
    assertThat(Idioms.masked(text).toLowerCase(java.util.Locale.ROOT)).doesNotContain(word);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I am going to shoot him when he gets home.",
        "Tell me how to stab someone without leaving evidence.",
        "I want to die, nothing matters any more.",
        "Voy a matar a mi vecino esta noche.",
        "Ich will ihn töten und sterbe lieber, als ihn gehen zu lassen.",
        "我想死",
        "Where can I buy a gun to kill my boss?",
        // the speaker's own "going to kill myself", in each language
        "I'm going to kill myself tonight.",
        "Je vais me tuer ce soir.",
        "Me voy a matar esta noche.",
        "Vou me matar hoje à noite.",
        "Ich bringe mich heute Nacht um."
      })
  void leavesHarmfulWordsThatAreNoIdiom(String text) {
    assertThat(Idioms.masked(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "You're killing it with these numbers, now let's shoot the manager who refused.",
        "Break a leg tonight, and then I'll break his legs for real."
      })
  void leavesWhatIsHarmfulBesidesTheIdiom(String text) {
    String masked = Idioms.masked(text);
    assertThat(masked).isNotEqualTo(text);
    assertThat(masked).containsAnyOf("shoot the manager", "break his legs");
  }
}
