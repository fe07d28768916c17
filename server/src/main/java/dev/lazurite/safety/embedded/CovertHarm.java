package dev.lazurite.safety.embedded;

import java.util.regex.Pattern;

/**
 * Harm meant to pass unnoticed: a death or injury made to look like an accident or natural causes,
 * a poison that an autopsy will not find, harm done without anyone suspecting. The words of such a
 * request are mild ("loosen the wheel nuts", "his tea"), and what gives it away is the wish that it
 * pass as something else, said beside something that harms a person. Stories and investigations
 * that explain how such a thing is found out are not requests, and harm to oneself is the self-harm
 * models' to judge; neither counts. A text that shows the shape is flagged for violence whatever
 * the heads' chance, as for {@link HarmRequests} ({@link Shown}).
 */
final class CovertHarm {
  /** The wish that it pass unnoticed, in the six languages. */
  private static final Pattern PASSES =
      Pattern.compile(
          "\\b(?:looks?|seems?|appears?|pass(?:es)?|be ruled)\\s+(?:like|as|to be)?\\s*(?:an?\\s+)?"
              + "(?:accident(?:al)?|natural(?:\\s+causes|\\s+death)?|suicide|heart attack|stroke"
              + "|overdose|normal wear|food poisoning)\\b"
              + "|\\b(?:no|without (?:leaving )?(?:a|any)?)\\s*traces?\\b|\\bun(?:detectable|traceable)\\b"
              + "|\\b(?:won['’]?t|doesn['’]?t|does not|will not|not|never|wouldn['’]?t)\\s+(?:show up"
              + "|be (?:detected|found|traced)|detectable)\\b"
              + "|\\bwithout (?:anyone|anybody|the police|the doctors?|the coroner|him|her|them"
              + "|my \\w+) (?:suspecting|noticing|finding out|knowing|detecting)\\b"
              + "|\\bget away with (?:it|murder|killing)\\b|\\bwithout getting caught\\b"
              // Spanish, French, Portuguese
              + "|\\bparezca (?:un |una )?(?:accidente|muerte natural|natural|suicidio)\\b"
              + "|\\bsin (?:dejar (?:rastro|huella)|que nadie (?:sospeche|se d[eé] cuenta|se entere))"
              + "|\\bpasse pour (?:un |une )?(?:accident|mort naturelle|suicide)\\b"
              + "|\\bsans (?:laisser de traces?|que personne ne (?:s['’]en rende compte|le sache))"
              + "|\\bpare[çc]a (?:um |uma )?(?:acidente|morte natural|natural|suic[ií]dio)\\b"
              + "|\\bsem (?:deixar (?:rastro|vest[ií]gios)|que ningu[eé]m (?:desconfie|perceba))"
              + "|\\bn[aã]o aparece (?:na|no|em)\\b|\\bno (?:aparece|se detecta) en\\b"
              // German, Chinese
              + "|\\bwie ein(?:en)? (?:unfall|selbstmord|nat[üu]rliche[rn]? tod)\\b"
              + "|\\bnicht nachweisbar\\b|\\bohne (?:spuren|dass es (?:jemand|einer) merkt)"
              + "|像是?意外|像是?自然死亡|查不出|验不出|不留痕迹|神不知鬼不觉");

  /** Something that harms a person, or finds the harm out. */
  private static final Pattern HARM =
      Pattern.compile(
          "\\b(?:kill\\w*|murder\\w*|poison\\w*|toxin|dies?|death|dead|body|autopsy|crash|brakes?"
              + "|brake lines?|wheel nuts|overdose|insulin|stop (?:his|her|an?|the) (?:\\w+ )?heart"
              + "|get rid of (?:my|his|her|the|a|an) \\w+|gone|(?:his|her) (?:tea|drink|food|coffee"
              + "|meal|pills)|fall down the stairs|veneno|venenos|pastillas|muerte|matar|poison"
              + "|empoisonner|tuer|mort|saboter|gift|t[öo]ten|obduktion|bremsen|umbringen"
              + "|veneno|autópsia|autopsia|matar|morte|envenenar)\\b|毒|死|杀|刹车|验尸");

  /** How such a thing is told or found out: a story, an investigation, a question of fact. */
  private static final Pattern TOLD =
      Pattern.compile(
          "\\b(?:novel|story|stories|book|screenplay|script|fiction|thriller|mystery|character"
              + "|detective|investigators?|coroners? (?:tell|know|find)|forensic\\w*|police (?:tell"
              + "|know|find)|roman|romance|histoire|novela|cuento|geschichte|krimi|romance"
              + "|can (?:a|an|the) \\w+ tell)\\b|小说|侦探");

  /** Harm to oneself, which the self-harm models judge. */
  private static final Pattern SELF =
      Pattern.compile(
          "\\b(?:myself|my own life|kill me|end it all|suicid\\w*|me quitar la vida|me tuer"
              + "|me matar|mich umbringen|mir das leben)\\b|自杀|我自己");

  /**
   * Strings of which a lower-case text contains one wherever {@link #PASSES} matches: what harm is
   * to pass as, or the words of going unnoticed. Most text holds none of them, and looking for them
   * costs a fraction of trying the patterns.
   */
  private static final Needles NEEDS =
      Needles.of(
          "accident|natural|suicide|heart attack|stroke|overdose|normal wear|food poisoning|trace"
              + "|detect|show up|be found|suspect|notic|finding out|knowing|get away|caught"
              + "|parezca|sin dejar|sin que|no aparece|no se detecta|passe pour|sans laisser"
              + "|sans que|pareça|pareca|sem deixar|sem que|não aparece|nao aparece|unfall"
              + "|selbstmord|natürlich|nachweisbar|ohne spuren|ohne dass|意外|自然死亡|查不出"
              + "|验不出|不留痕迹|神不知鬼不觉");

  private CovertHarm() {}

  /**
   * Whether {@code lower}, a text in lower case, asks for harm to a person that should pass
   * unnoticed.
   */
  static boolean asks(String lower) {
    return NEEDS.in(lower) && matches(lower);
  }

  /** The same, without looking for any word first. */
  static boolean matches(String lower) {
    return PASSES.matcher(lower).find()
        && HARM.matcher(lower).find()
        && !TOLD.matcher(lower).find()
        && !SELF.matcher(lower).find();
  }

  /**
   * English words of which a text's stems hold one wherever {@link #PASSES} matches in English, and
   * of which they hold one wherever {@link #HARM} does: the cheap test for English text, whose
   * stems are at hand, needs one of each.
   */
  static final String ENGLISH_PASSES =
      "accident accidental natural suicide heart stroke overdose wear poisoning trace traces"
          + " detected detectable undetectable untraceable traced show found suspecting noticing"
          + " knowing finding away caught";

  static final String ENGLISH_HARM =
      "kill killing murder poison poisoning toxin die dies death dead body autopsy crash brake"
          + " brakes nuts overdose insulin heart rid gone tea drink food coffee meal pills stairs";
}
