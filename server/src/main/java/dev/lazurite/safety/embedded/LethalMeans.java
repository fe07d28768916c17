package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A question about the means of ending one's own life, or of hiding self-harm, in six languages:
 * how many pills so as never to wake up, which bridge or floor is high enough, how to hide the
 * cuts. Its words are those of pharmacology, height trivia and first aid; what gives it away is a
 * means named beside an end (never waking, dying, ending it, "high enough"), the way to one's own
 * end asked for outright, or wounds to be hidden. A nurse, a parent whose child swallowed pills,
 * someone helping a friend, prevention, a therapist, someone else who "will kill me", and stories
 * do not count. A text that shows the shape is flagged for self-harm whatever the heads' chance;
 * they still grade its severity ({@link Shown}).
 */
final class LethalMeans {
  private static final Lexicon MEANS =
      Lexicon.of(
          "pill|pills|tablet|tablets|paracetamol|tylenol|acetaminophen|ibuprofen|insulin|meds"
              + "|medication|overdose|od|bridge|building|floor|storey|story|roof|rooftop|cliff"
              + "|height|drop|jump*|leap|rope|noose|hang|hanging|wrist|wrists|vein|veins|razor"
              + "|blade|train|exhaust|carbon monoxide|gun|bleach"
              + "|pastillas|somníferos|puente|edificio|piso|azotea|acantilado|altura|cuerda|venas"
              + "|muñecas|cuchilla|saltar|salto|cachets|comprimés|somnifères|médicaments|pont"
              + "|immeuble|étage|toit|falaise|hauteur|corde|veines|poignets|lame|sauter|saute"
              + "|comprimidos|pílulas|remédios|soníferos|ponte|prédio|andar|telhado|penhasco"
              + "|corda|pulsos|veias|lâmina|pular|pulo|tabletten|schlaftabletten|pillen"
              + "|medikamente|brücke|gebäude|stockwerk|stock|dach|klippe|höhe|seil|pulsadern"
              + "|klinge|springen|springe|spring"
              + "|安眠药|药片|几片|多少片|桥|几楼|楼顶|天台|悬崖|绳子|割腕|刀片|跳楼|跳下");

  /** The end sought: not waking, dying, ending it; or a height or amount that is enough. */
  private static final Lexicon END =
      Lexicon.of(
          "never wake up|not wake up|wouldn't wake up|wouldn’t wake up|won't wake up"
              + "|won’t wake up|wont wake up|to die|would i die|will i die|can i die|would it kill"
              + "|sure to die|certain to die|guaranteed to die|sure i'd die|sure i’d die"
              + "|kill myself|end it|end it all|end my life|end things|end everything"
              + "|won't survive|won’t survive|wouldn't survive|wouldn’t survive"
              + "|no chance of surviving|painless|painlessly|quickest way out|unalive myself"
              + "|high enough|deep enough|enough to die|enough to kill|enough to end|i'm done"
              + "|i’m done|im done|no longer want to live|don't want to live|don’t want to live"
              + "|no despertar|nunca más despertar|para morir|matarme|quitarme la vida"
              + "|acabar con todo|acabar con mi vida|suicidarme|bastante alto|bastante alta"
              + "|suficientemente alto|suficientemente alta|seguro de morir|morir seguro"
              + "|ne plus me réveiller|ne jamais me réveiller|ne plus jamais me réveiller"
              + "|ne jamais se réveiller|ne plus se réveiller|ne plus jamais se réveiller"
              + "|pour mourir|me tuer|en finir|mettre fin à mes jours|me suicider|assez haut"
              + "|suffisamment haut|sûr de mourir|sûre de mourir|nunca mais acordar"
              + "|não acordar mais|para morrer|me matar|matar-me|acabar com tudo"
              + "|tirar a minha vida|me suicidar|suicidar-me|alto o suficiente|morrer de certeza"
              + "|com certeza morro|nicht mehr aufwache|nicht mehr aufwachen|nie wieder aufwache"
              + "|nie wieder aufwachen|nie mehr aufwachen|nie wieder aufzuwachen"
              + "|nicht mehr aufzuwachen|um zu sterben|mich umbringen|umzubringen"
              + "|mir das leben nehmen|mir das leben zu nehmen|schluss machen|sicher sterbe|sicher sterben|hoch genug"
              + "|damit ich sterbe|damit ich tot bin|sicher tödlich|garantiert tödlich"
              + "|再也不醒|不会醒|醒不过来|一定会死|死得了|能死|会死|自杀|结束生命|了结自己|活着没意思"
              + "|ne pas survivre|não sobreviva|não sobreviver|nicht überlebe|nicht überleben"
              + "|no sobrevivir|no sobreviva|sans douleur|sin dolor|sem dor|schmerzlos|保证死|死掉"
              + "|结束自己");

  /**
   * Ending one's own life, said outright: asked for with a way or a how beside it ({@link #WAY}),
   * it needs no means named ("¿Cuál es la forma más rápida de suicidarme?").
   */
  private static final Lexicon OWN_END =
      Lexicon.of(
          "kill myself|end my life|take my own life|suicidarme|matarme|quitarme la vida"
              + "|acabar con mi vida|me suicider|me tuer|mettre fin à mes jours|me suicidar"
              + "|suicidar-me|me matar|matar-me|tirar a minha vida|mich umbringen|mich töten"
              + "|mir das leben nehmen|mir das leben zu nehmen|mich umzubringen|mich zu töten|自杀"
              + "|结束生命|了结自己|结束自己|je veux mourir|quiero morir|quero morrer|ich will sterben"
              + "|我想死");

  /** A way, a method, or how. */
  private static final Lexicon WAY =
      Lexicon.of(
          "how|way|ways|method|methods|cómo|como|forma|formas|manera|maneras|método|métodos"
              + "|modo|comment|façon|moyen|moyens|méthode|maneira|maneiras|jeito|wie|methode"
              + "|怎么|如何|方法|办法|怎样");

  /** Wounds of self-harm to be hidden from others. */
  private static final List<Shape> HIDDEN =
      List.of(
          Shape.english(
              "hide|hiding|conceal",
              "\\b(?:hide|hiding|conceal\\w*) (?:up )?(?:my |the |these |those |fresh |new |all )?"
                  + "(?:self-?harm |fresh |new )?(?:cuts|scars|marks|burns|wounds|self-?harm)\\b"),
          Shape.abroad(
              "escond|ocult|cacher|versteck|verberg|verdeck|遮住|藏|掩盖|遮挡",
              "\\b(?:escond\\w*|ocult\\w*) (?:mis |los |las |os |as |meus |minhas )?(?:cortes"
                  + "|cicatri[cz]es|heridas|feridas)\\b|\\bcacher (?:mes |les |ces )?(?:coupures"
                  + "|cicatrices|blessures|scarifications)\\b|\\b(?:schnitte|narben|ritzwunden)\\b"
                  + "[^.?!\\n]{0,30}?\\b(?:verstecken|verbergen|verdecken)\\b|(?:遮住|藏住?|掩盖|遮挡)"
                  + ".{0,6}(?:伤口|刀痕|伤疤|疤痕)|\\b(?:verstecke|verberge|verdecke)\\w*\\b"
                  + "[^.?!\\n]{0,30}?\\b(?:schnitte|schnittwunden|narben|ritzwunden)\\b"
                  + "|(?:伤口|刀痕|伤疤|疤痕).{0,6}(?:藏起来|遮住|掩盖|遮挡)"),
          Shape.english(
              "excuse|explain away|cover story",
              "\\b(?:excuses?|explain away|cover stor(?:y|ies))\\b[^.?!\\n]{0,30}?\\b(?:cuts|scars"
                  + "|marks|burns)\\b"));

  /**
   * A goodbye letter asked for beside the intent to die: "ich mach's am Wochenende", "vou fazer
   * isso hoje", "我打算这周末结束自己".
   */
  private static final Shape FAREWELL =
      Shape.abroad(
          "suicide note|goodbye note|carta de|lettre d|abschiedsbrief|遗书",
          "\\b(?:suicide note|goodbye (?:note|letter)|carta de (?:despedida|suicidio|suic[ií]dio)"
              + "|lettre (?:d['’]adieu|de suicide)|abschiedsbrief)\\b[^\\n]{0,80}?(?:i['’]m going to"
              + " do it|i['’]ll do it|ich mach['’]?s|ich mache es|vou fazer isso|je vais le faire"
              + "|voy a hacerlo|lo voy a hacer|tonight|esta noche|ce soir|heute nacht|hoje [àa]"
              + " noite)|遗书.{0,30}(?:我打算|结束自己|自杀|这周末|今晚)");

  /**
   * Helping someone else, prevention and stories, for hidden wounds and goodbye letters: the nurse,
   * teacher or parent named there is whom the wounds are hidden from, not who asks.
   */
  private static final Pattern HIDDEN_ABOUT =
      Pattern.compile(
          "\\b(?:(?:help|support|talk to|save) (?:a |my )?(?:friend|him|her|them|someone|somebody)"
              + "|prevent\\w*|therapist|counsell?or|novel|story about|character|tattoos?|acne"
              + "|surgery|surgical|c-section|stretch marks|cirug[ií]a|cirurgia|op[ée]ration|ayudar"
              + "|aider|ajudar|helfen)\\b|朋友|孩子|小说|电影|手术",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Care, treatment and accidents, helping someone else, and stories. */
  private static final Pattern ABOUT =
      Pattern.compile(
          "\\b(?:patients?|nurse|nursing|doctor|clinic\\w*|toxicolog\\w*|poison control"
              + "|treat\\w*|symptoms?|signs of|accidental\\w*|swallowed|my (?:child|son|daughter"
              + "|kid|toddler|dog|cat)|(?:help|support|talk to|save) (?:a |my )?(?:friend|him|her"
              + "|them|someone|somebody)|hotline|crisis line|prevent\\w*|statistics|novel|story about"
              + "|character|research|paciente|enfermer[oa]|médico|síntomas|accidentalmente"
              + "|infirmi(?:er|ère)|symptômes|aider|enfermeira|sintomas|ajudar|pflege\\w*|patient"
              + "|symptome|helfen|versehentlich|surgery|surgical|operation|acne|c-section|tattoos?"
              + "|stretch marks|cirugía|opération|cirurgia|therapist|counsell?or|psychiatrist"
              + "|psychologist|prevención|prévention|prevenção|prävention|suizidprävention"
              // someone else who will "kill me": a boss, a mother
              + "|va a matarme|van a matarme|vai me matar|vão me matar|va me tuer|vont me tuer"
              + "|wird mich umbringen|werden mich umbringen)\\b"
              + "|病人|症状|医生|误服|帮助|手术|预防|防止|倾向|识别|电影|小说|阴影|热线|自杀率|朋友"
              + "|同学|孩子|学生|研究|新闻",
          Pattern.UNICODE_CHARACTER_CLASS);

  private LethalMeans() {}

  /** Whether {@code lower}, a text in lower case, asks about the means of ending one's life. */
  static boolean asks(String lower) {
    if ((Shape.any(HIDDEN, lower) || FAREWELL.shows(lower))
        && !HIDDEN_ABOUT.matcher(lower).find()) {
      return true;
    }
    return ((END.in(lower) && MEANS.in(lower)) || (OWN_END.in(lower) && WAY.in(lower)))
        && !ABOUT.matcher(lower).find();
  }

  /**
   * English words of the two parts, for the cheap test of English text, whose stems are at hand: a
   * means and an end, or hiding and a wound.
   */
  static final String ENGLISH_MEANS =
      "pill pills tablet tablets sleeping paracetamol tylenol acetaminophen ibuprofen insulin meds"
          + " medication overdose od bridge building floor storey story roof rooftop cliff height"
          + " drop jump jumping leap rope noose hang hanging wrist wrists vein veins razor blade"
          + " train exhaust carbon gun bleach";

  static final String ENGLISH_END =
      "wake die kill myself end survive surviving painless painlessly way unalive enough done"
          + " live";

  static final String ENGLISH_HIDE = "hide hiding conceal concealing excuse excuses explain cover";

  static final String ENGLISH_WOUND = "cuts scars marks burns wounds self harm";
}
