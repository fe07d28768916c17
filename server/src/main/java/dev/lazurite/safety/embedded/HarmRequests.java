package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A request for, or a stated intent to do, violence to a person, whatever frame it is put in: "how
 * do I / how can I / the best way to / I'm going to" followed closely by an act of violence and a
 * person ("… strangle my neighbour"). Short questions carry little beside their frame, and the
 * everyday questions the models learnt from share it ("How do I kill weeds?"), so the screens clear
 * such a request and the heads are unsure of it. A text that shows the shape is flagged for
 * violence whatever the heads' chance; they still grade its severity ({@link Shown}).
 */
final class HarmRequests {
  private static final String FRAME =
      "(?:how (?:do|can|could|would|should|might|will|shall) (?:i|we|one|you|someone|somebody)"
          + "|how to|(?:best|easiest|quickest|fastest|simplest|surest|quietest|cleanest) "
          + "(?:way|ways|method|methods) (?:to|of)|ways? to|help me|teach me|(?:tell|show) me how to"
          + "|i(?: want| need| plan| intend| am going|'m going|’m going) to"
          + "|i(?:'ll|’ll| will| shall| am gonna|'m gonna|’m gonna| gonna)"
          + "|what (?:should|would|could|can) i use to)";

  /** Words that may stand between the frame and the act, but not those that turn it around. */
  private static final String BETWEEN =
      "(?:(?!not\\b|never\\b|avoid\\b|stop\\b|prevent\\b)\\w+\\s+){0,2}?";

  private static final String ACT =
      "(?:kill|murder|stab|knife|strangle|choke|poison|hurt|harm|beat up|torture|drown"
          + "|set fire to|burn|slit the throat of|cut the throat of|suffocate|smother|behead"
          + "|decapitate|electrocute|bludgeon|maim|mutilate|castrate|lynch|gut|kidnap|abduct"
          + "|run over|attack|assault|injure|cripple|blind|disfigure|assassinate|dismember"
          + "|slaughter|punch|knock out|break the (?:legs|neck|arms|bones|jaw) of"
          + "|throw acid (?:on|at)|blow up"
          // A camera shoots people too.
          + "|shoot(?![^.?!\\n]*\\b(?:cameras?|phones?|photos?|photographs?|portraits?|lens(?:es)?"
          + "|videos?|films?|pictures?|pics|headshots?|weddings?|selfies?|shots?|iso|flash))"
          + ")";

  /** Acts that are violence only with what follows the person: "push … off the balcony". */
  private static final String ACT_BEFORE = "(?:push|shove|throw|bury)";

  private static final String AFTER = "(?:off|down|out of|in front of|under|from|alive)";

  /**
   * Who: a role that names a person only with a possessive ("my boss", not the boss of a game's
   * level), or a person however named.
   */
  private static final String PERSON =
      "(?:(?:my|his|her|their|our|your)\\s+(?:[\\w'’-]+\\s+)?"
          + "(?:boss|partner|manager|supervisor|employees?|ex|exes|coach|rivals?|enemy|enemies"
          + "|bully|bullies|family|friends?|doctor|nurse|therapist|in-laws)"
          + "|(?:(?:my|his|her|their|our|your|the|a|an|this|that|some|these|those)\\s+)?"
          + "(?:[\\w'’-]+\\s+)?(?:wife|husband|spouse|fianc[eé]e?|girlfriend|boyfriend|ex-wife"
          + "|ex-husband|ex-girlfriend|ex-boyfriend|neighbou?rs?|co-?workers?|colleagues?"
          + "|teachers?|classmates?|students?|flatmates?|housemates?|roommates?|landlord|landlady"
          + "|tenants?|pastor|priest|\\w+-in-law|mom|mum|mother|dad|father|parents|sons?"
          + "|daughters?|stepsons?|stepdaughters?|stepdad|stepmom|stepfather|stepmother|nephews?"
          + "|nieces?|cousins?|uncle|aunt|grandma|grandpa|grandmother|grandfather"
          + "|child(?!\\s+process)|children|kids?|baby|babies|toddlers?|infants?|newborns?"
          + "|brothers?|sisters?|witness(?:es)?|stranger|strangers|person|man|men|woman|women"
          + "|guy|girl|boy|cop|police(?:man|men|woman)?|police officer|judge|president|senator"
          + "|politician|patient|postman|postwoman|mailman|babysitter|nanny)"
          + "|him|her|someone|somebody|anyone|people)";

  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b"
              + FRAME
              + "\\s+"
              + BETWEEN
              + "(?:"
              + ACT
              + "\\s+"
              + PERSON
              + "\\b(?!['’]s\\b)|"
              + ACT_BEFORE
              + "\\s+"
              + PERSON
              + "\\s+"
              + AFTER
              + "\\b)");

  /** The shapes of the other five languages. */
  private static final List<Shape> ABROAD =
      List.of(
          HarmRequestsAbroad.SPANISH,
          HarmRequestsAbroad.FRENCH,
          HarmRequestsAbroad.PORTUGUESE,
          HarmRequestsAbroad.GERMAN,
          HarmRequestsAbroad.CHINESE,
          HarmRequestsAbroad.ATTACKS);

  private HarmRequests() {}

  /**
   * English words of which a text's stems hold one of the acts and one of the people wherever the
   * English shape matches: the cheap test for English text, whose stems are at hand ({@link
   * RequestShapes}).
   */
  static final String ENGLISH_ACTS =
      "kill murder stab knife strangle choke poison hurt harm beat torture drown fire burn throat"
          + " suffocate smother behead decapitate electrocute bludgeon maim mutilate castrate lynch"
          + " gut kidnap abduct run attack assault injure cripple blind disfigure assassinate"
          + " dismember slaughter punch knock break acid blow shoot push shove throw bury";

  static final String ENGLISH_PEOPLE =
      "boss partner manager supervisor employee employees ex exes coach rival rivals enemy enemies"
          + " bully bullies family friend friends doctor nurse therapist laws wife husband spouse"
          + " fiance fiancee fiancé fiancée girlfriend boyfriend neighbour neighbor neighbours"
          + " neighbors coworker coworkers co worker colleague colleagues teacher teachers"
          + " classmate classmates student students flatmate flatmates housemate housemates"
          + " roommate roommates landlord landlady tenant tenants pastor priest law mom mum mother"
          + " dad father parents son sons daughter daughters stepson stepdaughter stepdad stepmom"
          + " stepfather stepmother nephew nephews niece nieces cousin cousins uncle aunt grandma"
          + " grandpa grandmother grandfather child children kid kids baby babies toddler toddlers"
          + " infant infants newborn newborns brother brothers sister sisters witness witnesses"
          + " stranger strangers person man men woman women guy girl boy cop police policeman"
          + " policemen policewoman officer judge president senator politician patient postman"
          + " postwoman mailman babysitter nanny him her someone somebody anyone people";

  /**
   * Whether {@code lower}, a text in lower case identified as written in {@code language}, asks for
   * or promises violence to a person. English text is tried as it is (the caller has looked for
   * {@link #ENGLISH_ACTS} and {@link #ENGLISH_PEOPLE} among its stems). A short text in one of the
   * other languages is easily taken for its neighbour ("Quiero quemar viva a mi ex" for
   * Portuguese), so such a text is read in each of them.
   */
  static boolean asks(String lower, Languages language) {
    if (language == Languages.EN) {
      return ENGLISH.matcher(lower).find();
    }
    return Shape.any(ABROAD, lower);
  }
}
