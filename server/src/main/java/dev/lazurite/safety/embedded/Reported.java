package dev.lazurite.safety.embedded;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words someone else said, quoted or reported by a user who asks what to do about them: a threat
 * received ("someone wrote 'I know where you live'. Should I report it?"), a slur to answer ("how
 * do I reply to someone who says …"), a friend who talks of dying ("my friend says she doesn't want
 * to live, how do I help her?"). The words are not the user's request, and a prompt that asks how
 * to respond, report or help is judged with them left out, in six languages. A prompt that also
 * asks for the quoted words to be answered or followed keeps them, and so does one whose words
 * carry an instruction to a model ({@link Cues}, {@link CuesAbroad}): a model reads quoted
 * instructions all the same.
 */
final class Reported {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  /** The prompt asks how to respond to, report or help with what it recounts. */
  private static final Pattern ASKS =
      Pattern.compile(
          "\\b(?:should (?:i|we) (?:report|call|tell|block|go to|contact|be (?:worried|scared"
              + "|concerned))|how (?:do|can|should) (?:i|we) (?:respond|reply|react|push back|answer"
              + " (?:him|her|them)|talk to (?:him|her|them)|help (?:him|her|them)|support (?:him|her"
              + "|them)|handle (?:this|it)|deal with (?:this|it)|report|protect)|what (?:should|can|do)"
              + " (?:i|we) (?:do|say)|how seriously should|is (?:this|that|it) (?:a crime|a real threat"
              + "|illegal|harassment)|what are my options|counter-?points|calm reply|respectful reply"
              + "|reply to (?:someone|people|a|my|him|her|them)|respond to (?:someone|people|a|my|him"
              + "|her|them))\\b"
              + "|\\b(?:debo denunciar\\w*|lo denuncio|c[oó]mo (?:le |lo |la )?(?:respondo|ayudo"
              + "|denuncio|denunciamos|apoyo|hablo con)|qu[eé] (?:hago|puedo hacer|debo hacer|hacemos)"
              + "|es (?:un )?delito|soll ich (?:das |ihn |sie )?(?:anzeigen|melden)|zur polizei"
              + "|wie (?:kann|soll) ich (?:darauf )?(?:reagieren|antworten|helfen|ihm helfen|ihr helfen)"
              + "|was (?:kann|soll) ich tun|ist das strafbar|porte plainte|porter plainte|dois-je"
              + " (?:aller|porter|signaler|appeler|m'inqui[ée]ter)|que faire|comment (?:lui )?"
              + "(?:r[ée]pondre|aider|r[ée]agir|l'aider)|quels sont mes recours|o que (?:eu )?fa[çc]o"
              + "|devo denunciar|como (?:lidar|ajudar|responder|reagir)|isso [ée] crime"
              + "|o que posso fazer)\\b"
              + "|报警|怎么办|怎么回应|如何回应|怎么反驳|反驳|我能做些什么|怎么帮|违法吗",
          FLAGS);

  /** The prompt also asks for the recounted words to be answered or carried out. */
  private static final Pattern FOLLOWS =
      Pattern.compile(
          "\\b(?:answer (?:it|that|the (?:question|request))|follow (?:it|them|that|the"
              + " instructions?)|do what (?:it|they|he|she) says?|complete (?:it|the)|carry (?:it )?out"
              + "|act on it|fulfil\\w*|resp[oó]ndela|c[uú]mplelo|beantworte (?:sie|es|die frage)"
              + "|befolge|r[ée]ponds-y|ex[ée]cute|responda (?:a ela|isso)|obede[çc]a)\\b"
              + "|照做|执行|回答(?:这个|他的|她的)?问题",
          FLAGS);

  /**
   * Text in quotation marks of any of the six languages' kinds. An opening mark cannot recur
   * inside, so a run of opening marks without a closing one is passed over in linear time.
   */
  private static final Pattern QUOTED =
      Pattern.compile(
          "\"[^\"\\n]{2,300}\"|“[^“”\\n]{2,300}”|«[^«»\\n]{2,300}»|„[^„“”\\n]{2,300}[“”]"
              + "|「[^「」\\n]{1,200}」|『[^『』\\n]{1,200}』");

  /** What someone else says, told without quotation marks, to the end of its sentence. */
  private static final Pattern SAYS =
      Pattern.compile(
          "\\b(?:(?:keeps?|kept) (?:saying|telling (?:me|us|people))|says|said|wrote|writes"
              + "|told (?:me|us)|tells (?:me|us)|texted(?: me)?|messaged(?: me)?|commented"
              + "|posted|claims|claimed|dice que|dijo que|me dijo que|repite que|sagt|sagte"
              + "|meint|behauptet|dit que|m'a dit que|a dit que|pr[ée]tend que|r[ée]p[èe]te que"
              + "|diz que|disse que|fala que|falou que|vive dizendo que)\\b(?: that)?"
              + "[^.?!。？！\\n]{3,200}"
              + "|(?:说|声称)[^。？！?!\\n]{3,100}",
          FLAGS | Pattern.CASE_INSENSITIVE);

  private Reported() {}

  /**
   * {@code text} with what it quotes or reports left out, when it asks how to respond to it and not
   * for it to be answered; otherwise {@code text} itself.
   */
  static String masked(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!ASKS.matcher(lower).find()) {
      return text;
    }
    String out = replace(SAYS.matcher(replace(QUOTED.matcher(text))));
    if (out.equals(text)
        || FOLLOWS.matcher(out.toLowerCase(Locale.ROOT)).find()
        || !Cues.of(text, null).isEmpty()
        || CuesAbroad.asks(lower)) {
      return text;
    }
    return out;
  }

  private static String replace(Matcher m) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "…");
    }
    m.appendTail(out);
    return out.toString();
  }
}
