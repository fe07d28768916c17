package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Everyday figures of speech that borrow the words of harm ("killing it", "blow the roof off",
 * "shoot me an email", "me muero de risa", "ich sterbe vor Lachen"). The classifier is trained on
 * and judges texts with these phrases taken out, so that the words around them decide, and a
 * sentence that is harmful besides its idiom is still judged so.
 */
final class Idioms {
  /** The phrases, one alternative per entry, in English and then by language. */
  private static final List<String> ALTERNATIVES =
      List.of(
          // English: killing and dying as praise, hunger, boredom or impatience
          "kill(?:s|ed|ing)? two birds with one stone",
          "(?:was |is |are |were |totally |absolutely |really )?killing it",
          "kill(?:s|ed|ing)? (?:time|the lights|the engine|the process|the mood|the vibe)",
          "lady-?killer",
          "killer (?:app|feature|deal|idea|view|heels|smile|workout)",
          "(?:feet|back|legs|knees|head|shoes) (?:are|is) killing me",
          "(?:i'?d|i would|could) kill for an? (?:\\w+ )?(?:coffee|beer|nap|pizza|burger|holiday"
              + "|vacation|shower|sandwich|drink)",
          "(?:could|would) murder an? (?:pizza|burger|beer|coffee|curry)",
          "dying to (?:see|try|know|meet|hear|go|get|visit|read|watch|tell)",
          "(?:i'?d|i would) die for an?",
          "died laughing",
          "(?:dying|died|die) of (?:laughter|laughing|curiosity|cuteness)",
          "(?:bored|scared|worried|frightened) (?:me |him |her |them |you )?to death",
          "drop-?dead (?:gorgeous|beautiful|funny)",
          // Someone else "is going to kill me": their anger, not harm. The speaker's own "I'm going
          // to kill myself" (je vais me tuer, me voy a matar, vou me matar, ich bringe mich um)
          // has another form in every language and is not matched.
          "(?:is|are|'s|'re) (?:going to|gonna) kill me",
          // English: weapons and explosives as manner of speaking
          "blow(?:s|ing|n)? the roof off",
          "blew the roof off",
          "blow(?:s|ing)? (?:this|that) (?:popsicle )?stand",
          "blow(?:s|ing|n)? off steam",
          "blew off steam",
          "(?:blow(?:s|ing|n)?|blew) (?:my|your|his|her|our|their) minds?",
          "mind-?blowing",
          "nuke (?:the |some |my |your |it |them )?(?:leftovers|soup|food|pizza|coffee|it"
              + "|them for)",
          "bombed (?:the|my|our|that) (?:exam|test|presentation|interview|audition)",
          "(?:dropped|drops|drop) a bombshell",
          "photo-?bomb(?:s|ed|ing)?",
          "shoot for (?:a|the) (?:\\w+ )?(?:launch|date|deadline|goal|target|release|moon"
              + "|stars)",
          "shoot (?:me|us|him|her|them) (?:an? |over an? |a quick )?(?:e-?mail|message|text"
              + "|line|note|dm|invite|reminder)",
          "(?:a |another )?shot in the dark",
          "(?:take|took|taking|have|had) a (?:stab|shot) at (?:it|this|that|writing|making)",
          "bite the bullet",
          "jump(?:ed|ing)? the gun",
          "stick(?:ing)? to (?:your|my|his|her|our|their) guns",
          "take a (?:hatchet|axe) to",
          // English: praise in the words of fighting
          "break a leg",
          "on fire (?:this|lately|today|tonight)",
          "crush(?:ed|ing)? (?:it|the competition|(?:her|his|my|their|our) \\w+ time)",
          "knocked it out of the park",
          "(?:totally|absolutely) slayed",
          "slayed it",
          "sick beat",
          "got massacred",
          "(?:is|was) a massacre of",
          // Spanish, Portuguese
          "mat(?:ar|a|e) (?:um |o |el |un |esse |este )?process?o",
          "(?:es|fue|está|estuvo) una bomba",
          "me muero de (?:ganas|risa|sueño|vergüenza)",
          "(?:muerto|muerta|muertos) de (?:risa|sueño|cansancio|miedo)",
          "me mata(?:s|n)? de (?:risa|la risa)",
          "matar (?:el tiempo|dos pájaros de un tiro)",
          "morrendo de vontade",
          "morr(?:endo|o|i) de (?:rir|sono|saudades?|vergonha|tédio)",
          "matar (?:o tempo|dois coelhos com uma cajadada)",
          "me (?:va|van) a matar",
          "(?:vai|vão|vao) me matar",
          "(?:vai|vão|vao) matar-me",
          // French
          "(?:c'est|est|était) une tuerie",
          "(?:je meurs|on meurt) de (?:rire|ennui)",
          "morte? de rire",
          "tuer le temps",
          "(?:va|vont) me tuer",
          // German
          "(?:ist|war) (?:ja |echt )?der hammer",
          "totgelacht",
          "totlachen",
          "(?:die )?zeit totschlagen",
          "(?:ich sterbe|wir sterben|sterbe) vor (?:lachen|langeweile|neugier)",
          "zu tode (?:gelangweilt|erschrocken|gelacht)",
          "(?:bringt|bringen) mich (?:noch |echt |sicher )?um");

  /**
   * Chinese phrases, which no word boundary precedes: "to death" after a feeling, as intensifier
   * ("饿死了", "笑死我了").
   */
  private static final List<String> CHINESE =
      List.of("笑死", "饿死", "(?:困|累|热|冷|气|烦|吓|急|忙|无聊)死(?:我了|人了|了)", "杀疯");

  private static final Pattern PHRASES =
      Pattern.compile(
          "(?iu)\\b(?:" + String.join("|", ALTERNATIVES) + ")|" + String.join("|", CHINESE));

  private Idioms() {}

  /** Words one of which every idiom holds; text without any is not searched further. */
  private static final List<String> HINTS =
      List.of(
          "kill",
          "blow",
          "blew",
          "nuke",
          "leg",
          "murder",
          "mata",
          "mate",
          "dying",
          "die",
          "death",
          "dead",
          "bomb",
          "shoot",
          "shot",
          "stab",
          "bullet",
          "gun",
          "hatchet",
          "axe",
          "fire",
          "crush",
          "park",
          "slay",
          "sick",
          "massacre",
          "tuerie",
          "bomba",
          "hammer",
          "totgelacht",
          "totlach",
          "totschlag",
          "mich",
          "sterbe",
          "tode",
          "muer",
          "morr",
          "meur",
          "mort",
          "tuer",
          "死",
          "杀");

  /** The text with its idioms taken out, or the text itself when it has none. */
  static String masked(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String hint : HINTS) {
      if (lower.contains(hint)) {
        return PHRASES.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }
}
