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
              + "|mat(?:ar|a|e) (?:um |o |el |un |esse |este )?process?o|(?:c'est|est|était) une tuerie|(?:es|fue|está|estuvo) una bomba|(?:ist|war) (?:ja |echt )?der hammer|totgelacht|me muero de ganas|morrendo de"
              + " vontade|笑死|饿死|杀疯)");

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
          "死",
          "杀");

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
