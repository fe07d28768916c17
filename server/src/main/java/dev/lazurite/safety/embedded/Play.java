package dev.lazurite.safety.embedded;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A prompt about a game: a game named ("Dark Souls", "Among Us", "狼人杀") or words that only games
 * use (a boss fight, a loadout, respawning, headshots, the impostor, the dungeon master). Killing,
 * sniping and staying unseen are how games are played, so in such a prompt violence and self-harm
 * are flagged only when the heads are all but sure ({@link EmbeddedClassifier#FRAMED_AT}), and the
 * shape of a request for violence does not decide alone.
 */
final class Play {
  private static final Pattern GAME =
      Pattern.compile(
          "\\b(?:(?:final|raid|mini) ?boss(?:es)?|boss (?:fight|battle|phase)|npcs?|pvp"
              + "|pve|respawn\\w*|loadouts?|camos?|speedrun\\w*|side ?quests?|dungeons?"
              + "|impostors?|among us|dark souls|elden ring|minecraft|fortnite|call of duty|black ops"
              + "|warzone|valorant|cs ?2|cs:go|counter-strike|league of legends|dota|overwatch"
              + "|apex legends|pubg|gta|skyrim|zelda|pok[eé]mon|d&d|dnd|dungeons (?:and|&) dragons"
              + "|dungeon master|the dm|tabletop|board ?games?|catan|werewolf|battle royale|mmo\\w*"
              + "|headshots?|killstreaks?|kill streaks?|k/d|gank\\w*|aggro|hitbox\\w*"
              + "|video ?games?|videojuegos?|jogos?|jeux? vid[ée]o|computerspiel\\w*|videospiel\\w*"
              + "|(?:in|im|en|no|na|dans le) (?:the |this |my |a |el |le |o |dem )?(?:game|juego|jeu"
              + "|spiel|jogo))\\b"
              + "|狼人杀|王者荣耀|和平精英|游戏里|游戏中|剧本杀",
          Pattern.UNICODE_CHARACTER_CLASS);

  private Play() {}

  /** Whether {@code text} is about a game. */
  static boolean frames(String text) {
    return GAME.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
