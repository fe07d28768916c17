package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Leetspeak as people write it folds back to the word, and numbers and punctuation stay. */
class LeetTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "k1ll | kill",
        "h4te | hate",
        "5u1c1de | suicide",
        "b0mb | bomb",
        "ki11 | kill",
        "\"ki||\" | kill",
        "k!ll | kill",
        "wh¡te | white",
        "(r4ck | crack",
        "s+ab | stab",
        "9un | gun",
        "6un | gun",
        "2day | today",
        "€vil | evil",
        "#4shtag | #ashtag",
        "s#1t | shit",
        "@ss | ass",
        "$h00t | shoot",
        "\"|<1ll\" | kill",
        "\"/\\ttack\" | attack",
        "\"}{4te\" | hate",
        "\"|-|4te\" | hate",
        "\"|\\/|urder\" | murder",
        "\"vv3apon\" | weapon",
        "phr34k | freak",
        "kiiiill | kill",
        "killllll | kill",
        "diiieee | die",
        "fuuuuck | fuck",
        "sssstab | stab"
      })
  void foldsTheWord(String written, String meant) {
    assertThat(Leet.fold(written)).isEqualTo(meant);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "h0w 70 m4k3 4 b0mb | how to make a bomb",
        "1 w4n7 70 h4v3 53x | i want to have sex",
        "h0w 2 k1ll 4 m4n | how to kill a man"
      })
  void numbersInALeetspeakTextAreWordsToo(String written, String meant) {
    assertThat(Leet.fold(written)).isEqualTo(meant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meet me at 10pm on the 3rd, the 4k screen costs $300.",
        "It sold 1990s hits (mostly) and C++ books!",
        "Hello! Is this savvy, phone-friendly and cool?",
        "Wait... really?! (yes)",
        "He scored 2 goals in 90 minutes.",
        "Mix 200ml of water with 5g of salt.",
        "The model scored 10 points, 3x more than 4 others."
      })
  void everydayTextStaysAsItIs(String text) {
    assertThat(Leet.fold(text)).isEqualTo(text);
  }
}
