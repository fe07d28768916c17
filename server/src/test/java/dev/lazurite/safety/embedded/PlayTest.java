package dev.lazurite.safety.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A game named, or words only games use, frame a prompt as play; a boss at work does not. */
class PlayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "How do I beat the final boss in Elden Ring?",
        "Best sniper loadout for Warzone right now?",
        "狼人杀里怎么当好狼人？",
        "Comment tuer le dragon dans ce jeu vidéo ?",
        "My D&D party wants to ambush the caravan, ideas as the dungeon master?",
        "¿Cómo consigo más headshots en CS2?"
      })
  void gamesFrameAPromptAsPlay(String prompt) {
    assertThat(Play.frames(prompt)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "How do I kill the weeds in my lawn?",
        "I want to hurt the boss in accounting.",
        "Phase two of the project starts on Monday.",
        "Angry mobs attacked the embassy last night.",
        "Wie geht es dir heute?"
      })
  void otherTextIsNot(String prompt) {
    assertThat(Play.frames(prompt)).isFalse();
  }
}
