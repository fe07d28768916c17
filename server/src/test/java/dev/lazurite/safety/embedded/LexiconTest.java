package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A lexicon finds its words, prefixes and phrases only where they stand whole. */
class LexiconTest {
  private final Lexicon lexicon =
      Lexicon.of("rats|infest*|to die|won't wake up|sub-human|sé dónde|死定了|plaga");

  @Test
  void findsWordsPrefixesAndPhrases() {
    assertThat(lexicon.in("they are rats, all of them")).isTrue();
    assertThat(lexicon.in("the town is infested")).isTrue();
    assertThat(lexicon.in("how many would i need to die")).isTrue();
    assertThat(lexicon.in("so i won't wake up tomorrow")).isTrue();
    assertThat(lexicon.in("called them sub-human")).isTrue();
    assertThat(lexicon.in("sé dónde vives")).isTrue();
    assertThat(lexicon.in("你死定了。")).isTrue();
    assertThat(lexicon.in("es una plaga.")).isTrue();
  }

  @Test
  void aWordOrPhraseInsideALongerWordIsNotFound() {
    assertThat(lexicon.in("pirates sail")).isFalse();
    assertThat(lexicon.in("ratsbane")).isFalse();
    assertThat(lexicon.in("the infantry")).isFalse();
    assertThat(lexicon.in("going to diet next week")).isFalse();
    assertThat(lexicon.in("plagas del jardín")).isFalse();
    assertThat(lexicon.in("")).isFalse();
  }
}
