package dev.lazurite.safety.embedded;

import java.util.regex.Pattern;

/**
 * Sexual requests that harm someone, in six languages: sexual content with or from a child (an age
 * under eighteen or a word for a child beside a sexual word), and sex without consent (someone who
 * says no, is asleep or too drunk to refuse, a drugged drink, nudes demanded under threat). Such a
 * request is often worded mildly ("send me pictures", "flirt"), and the same words serve parents,
 * teachers, victims and lawyers: text that asks how to talk about it, report it, prevent it or
 * understand the law does not count. A text that shows the shape is judged by the heads, with less
 * certainty needed for sexual content ({@link Training#askedAt}).
 */
final class SexualHarm {
  private static final Pattern CHILD =
      Pattern.compile(
          "\\b(?:[1-9]|1[0-7])[ -]?(?:years?[ -]old|yo|y/o|yrs?(?: old)?|años|ans|anos"
              + "|j[äa]hrige[nmrs]?|jahre alt)\\b|(?:[1-9]|1[0-7])\\s*岁"
              + "|\\b(?:minors?|underage|under-age|pre-?teens?|child|children|kids?|little (?:girl|boy)s?"
              + "|school ?(?:girl|boy)s?|menor(?:es)? de edad|niñ[oa]s?|mineur(?:e|s|es)?|fillettes?"
              + "|crian[çc]as?|menin[oa]s?|minderj[äa]hrige[nmrs]?|kinde?r?|m[äa]dchen)\\b"
              + "|未成年|小学生|初中生|幼女|小女孩|小男孩");

  private static final Pattern SEXUAL =
      Pattern.compile(
          "\\b(?:nudes?|naked|topless|sexy|sexual(?:ly)?|sex|erotic|explicit|porn\\w*|seduc\\w*"
              + "|undress\\w*|lingerie|flirt\\w*|dirty|sext\\w*|sleep with|in bed|make out"
              + "|desnud[oa]s?|sexo|er[oó]tic[oa]s?|sexuel(?:le)?s?|nue?s?|d[ée]shabill\\w*"
              + "|coucher avec|nua|pelad[oa]s?|transar|nackt\\w*|erotisch\\w*|ausziehen|sexuell\\w*)\\b"
              + "|裸|性爱|色情|上床|脱衣");

  private static final Pattern COERCED =
      Pattern.compile(
          "\\b(?:sex|sleep with|have sex|hook up|in bed|coucher avec|acostarse conmigo|transar"
              + "|zum sex|mit mir schlafen)\\b[^.?!\\n]{0,40}?\\b(?:even (?:though|if)|although|when"
              + "|while|aunque|m[êe]me si|mesmo|auch wenn|obwohl)\\s+(?:she|he|they|ella|[ée]l|elle"
              + "|il|ela|ele|sie|er)?\\s*(?:keeps? )?(?:says? no|saying no"
              + "|said no|refuses?|doesn['’]?t want|won['’]?t|is asleep|is drunk|passed out"
              + "|diga que no|no quiere|refuse|ne veut pas|dit non|diz n[ãa]o|n[ãa]o quer|nein sagt"
              + "|nicht will|b[êe]bada)"
              + "|\\btoo drunk to (?:say no|consent|resist|fight)|\\bb[êe]bada demais|\\bzu betrunken"
              + "|\\bdemasiado borracha|\\b(?:slip|put)(?:\\s+\\w+){0,2}?\\s+(?:into|in)\\s+(?:her"
              + "|his|their)\\s+drink|\\bdrug (?:her|him)\\b|\\broofie\\w*"
              + "|\\b(?:or|otherwise) i(?:['’]ll| will) (?:post|share|leak|send)\\s+(?:the|your|her"
              + "|his|their)?\\s*(?:old\\s+)?(?:nudes|photos|pics|pictures|videos|ones)"
              + "|下药|睡着的时候|喝醉以后|不同意|不愿意");

  /** Text about such harm that is not a request for it: talking, reporting, preventing, the law. */
  private static final Pattern ABOUT =
      Pattern.compile(
          "\\b(?:what (?:can|should) i (?:do|say)|how (?:do|can|should) i (?:talk|speak|explain"
              + "|report|protect|tell|teach)|talk to|report\\w*|protect\\w*|prevent\\w*"
              + "|educat\\w*|warning signs|signs (?:of|that)|groom\\w*|police|therapist|counsel\\w*"
              + "|law|legal(?:ly)?|is it (?:legal|normal|rape)|pressur\\w* me|forced me|hablo con"
              + "|hablar con|denunci\\w*|plainte|anzeige\\w*|sexualkunde|aufkl[äa]r\\w*|educa[çc][ãa]o"
              + "|educaci[oó]n|pubertad|puberty)\\b|性教育|报警|保护");

  /**
   * Strings of which a lower-case text contains one wherever {@link #SEXUAL} or {@link #COERCED}
   * matches. Most text holds none of them, and looking for them costs a fraction of trying the
   * patterns.
   */
  private static final Needles NEEDS =
      Needles.of(
          "nude|naked|topless|sex|erotic|explicit|porn|seduc|undress|lingerie|flirt|dirty|in bed"
              + "|make out|sleep with|desnud|erótic|erotic| nu |nue|nus |nua|déshabill|deshabill"
              + "|coucher|pelad|transar|nackt|erotisch|ausziehen|drink|drug|roofie|drunk|bêbada"
              + "|betrunken|borracha|acostarse|schlafen|裸|性爱|色情|上床|脱衣|下药|睡着|喝醉|不同意|不愿意");

  private SexualHarm() {}

  /**
   * Whether {@code lower}, a text in lower case, asks for sexual content with a child or sex
   * without consent.
   */
  static boolean asks(String lower) {
    return NEEDS.in(lower) && matches(lower);
  }

  /** The same, without looking for any word first. */
  static boolean matches(String lower) {
    boolean shows =
        (SEXUAL.matcher(lower).find() && CHILD.matcher(lower).find())
            || COERCED.matcher(lower).find();
    return shows && !ABOUT.matcher(lower).find();
  }

  /**
   * English words of the three parts, for the cheap test of English text, whose stems are at hand:
   * a sexual word with a word for a child or an age, or with a word of coercion.
   */
  static final String ENGLISH_SEXUAL =
      "nude nudes naked topless sexy sexual sexually sex erotic explicit porn porno seduce"
          + " seducing undress undressing lingerie flirt flirting dirty bed sleep hook";

  static final String ENGLISH_CHILD =
      "minor minors underage preteen child children kid kids girl girls boy boys schoolgirl"
          + " schoolboy pupil student year years yo yrs";

  static final String ENGLISH_COERCION =
      "say says saying refuse refuses drunk asleep unconscious drink drug drugged roofie post"
          + " leak share consent";
}
