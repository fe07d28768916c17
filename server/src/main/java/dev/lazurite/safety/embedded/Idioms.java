package dev.lazurite.safety.embedded;

import java.util.regex.Pattern;

/**
 * Everyday figures of speech that borrow the words of violence ("killing it", "blow the roof off",
 * "nuke the leftovers"). The classifier judges a text with these phrases taken out, so that the
 * words around them decide, and a sentence that is harmful besides its idiom is still judged so.
 */
final class Idioms {
  private static final Pattern PHRASES =
      Pattern.compile(
          "(?iu)\\b(?:"
              + "kill(?:s|ed|ing)? two birds with one stone|(?:was |is |are |were |totally"
              + " |absolutely |really )?killing it|kill(?:s|ed|ing)? (?:time|the lights|the"
              + " engine|the process|the mood)|lady-?killer|killer (?:app|feature|deal|idea|view)"
              + "|(?:feet|back|legs|knees|head) (?:are|is) killing me|blow(?:s|ing|n)? the roof"
              + " off|blew the roof off|blow(?:s|ing)? (?:this|that) (?:popsicle )?stand|nuke"
              + " (?:the |some |my |your |it |them )?(?:leftovers|soup|food|pizza|coffee|it|them"
              + " for)|break a leg|(?:could|would) murder an? (?:pizza|burger|beer|coffee|curry)"
              + "|dying to (?:see|try|know|meet|hear|go|get|visit)|(?:i'?d|i would) die for an?"
              + "|died laughing|bombed (?:the|my|our|that) (?:exam|test|presentation|interview"
              + "|audition)|shoot for (?:a|the) (?:\\w+ )?(?:launch|date|deadline|goal|target"
              + "|release|moon|stars)|take a (?:hatchet|axe) to|on fire (?:this|lately|today"
              + "|tonight)|crush(?:ed|ing)? (?:it|the"
              + " competition|(?:her|his|my|their|our) \\w+ time)|knocked it out of the park"
              + "|(?:totally|absolutely) slayed|slayed it|sick beat|got massacred|(?:is|was) a massacre of"
              + "|mat(?:ar|a|e) (?:um |o |el |un |esse |este )?process?o|(?:c'est|est|était) une"
              + " tuerie|(?:es|fue|está|estuvo) una bomba|(?:ist|war) (?:ja |echt )?der hammer"
              + "|totgelacht|me muero de ganas|morrendo de vontade"
              // English: heat and waiting that kill, tiredness that is dead, and the like.
              + "|(?:heat|wait|suspense|commute|traffic|noise|humidity|cold|this week) (?:is|was)"
              + " (?:really |literally )?killing me|dead (?:tired|on my feet)|dressed to kill"
              + "|bur(?:y|ied|ying) the hatchet|bit(?:e|ing) the bullet|take a stab at"
              + "|knock (?:'em|them|him|her) dead|drop-dead gorgeous|(?:phone|battery|laptop)"
              + " (?:is|was) dying|shoot me an? (?:email|message|text|line|note)|killer (?:deal"
              + "|workout|outfit|song|track|recipe)|pull(?:ed|ing)? the trigger on"
              + "|(?:die|died|dying) of (?:boredom|embarrassment|laughter)|had me dying"
              + "|murdered it|blew (?:everyone|us|them|me) away"
              // Spanish, German, French, Portuguese, Chinese.
              + "|me (?:muero|morí|moría) de (?:risa|hambre|sueño|calor|frío|sed|vergüenza)"
              + "|muert[oa]s? de (?:risa|cansancio|sueño|hambre|miedo|frío|calor|vergüenza)"
              + "|(?:me está|me|nos) mat(?:a|ando) (?:el calor|la espera|el frío|el tráfico)"
              + "|matar dos pájaros de un tiro|mataste dos pájaros|lach(?:e|t)? mich tot|todmüde"
              + "|sterbe vor (?:hunger|langeweile|durst|lachen)|(?:hitze|warterei|langeweile|arbeit) bringt mich (?:heute noch |noch )?um"
              + "|zwei fliegen mit einer klappe|mort(?:e|s|es)? de (?:rire|fatigue|faim|peur|froid"
              + "|honte)|je meurs de (?:faim|soif|froid|rire|chaud|envie)|(?:me|nous) tue[nt]?\\b"
              + "|d'une pierre deux coups|tuer le temps|morr(?:i|eu|emos) de (?:rir|vergonha|medo)"
              + "|mort[oa]s? de (?:cansaço|fome|sono|rir|vergonha|medo)|morrendo de (?:fome|sono"
              + "|rir|calor|frio|sede|medo)|(?:está|estão|tá) me matando|matar dois coelhos"
              + "|(?:matou|matamos) dois coelhos|matar o tempo"
              + "|笑死|饿死|杀疯|累死|热死|冷死|困死|气死|一举两得|一石二鸟)");

  private Idioms() {}

  /** Words one of which every idiom holds; text without any is not searched further. */
  private static final java.util.List<String> HINTS =
      java.util.List.of(
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
          "bomb",
          "shoot",
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
          "muero",
          "morrendo",
          "dead tired",
          "dead on",
          "knock",
          "drop-dead",
          "dressed to",
          "the bullet",
          "a stab",
          "trigger on",
          "muer",
          "mata",
          "mich tot",
          "todmüde",
          "sterbe",
          "bringt mich",
          "fliegen",
          "mort de",
          "morte de",
          "morts de",
          "mortes de",
          "morto de",
          "morta de",
          "mortos de",
          "mortas de",
          "meurs",
          "me tue",
          "nous tue",
          "tuer",
          "pierre",
          "morr",
          "coelhos",
          "matou",
          "matamos",
          "死",
          "杀",
          "一举",
          "一石");

  /** The text with its idioms taken out, or the text itself when it has none. */
  static String masked(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String hint : HINTS) {
      if (lower.contains(hint)) {
        return PHRASES.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }
}
