package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A threat of violence addressed to someone, in six languages: "I know where you live", "keep
 * talking and you'll be burying one of them", "pay up or I'll burn your shop", "you're a dead man",
 * and asks to word a message that scares someone. Such a message names no act the models know well,
 * or names it mildly; what gives it away is that it is said to the person it menaces. Someone who
 * received a threat and asks what to do, and stories, do not count. Unlike the other shapes, this
 * one does not decide alone: a text that shows it is judged by the heads, with less certainty
 * needed for violence ({@link Training#askedAt}).
 */
final class Threats {
  private static final String OBJECT = "(?:you|your|ya|him|her|them|his|their)\\b";

  private static final String WILL = "(?:['’]ll| will| am going to|['’]m going to|['’]m gonna)";

  private static final List<Shape> ENGLISH =
      List.of(
          Shape.english(
              "where you|where your|when you|when your|time you|time your",
              "\\bi (?:know|found out|found) where (?:you|your \\w+(?: \\w+)?) (?:live|lives|work"
                  + "|works|sleep|sleeps|park|parks|go|goes|play|plays|stud(?:y|ies)|hang|drink)\\b"
                  + "|\\bi(?:['’]ve| have)? (?:seen|watched|been watching|know) (?:where|when"
                  + "|what time) (?:you|your \\w+)\\b"),
          Shape.english(
              "you'll be|you’ll be|you will be",
              "\\byou(?:['’]ll| will) be (?:burying|buried|next|dead|in (?:a|the) (?:box|coffin"
                  + "|body bag|wheelchair|ground|morgue))\\b"),
          Shape.english(
              "you're|you’re|you are",
              "\\byou(?:['’]re| are) (?:a )?dead (?:man|woman|meat|girl|boy)\\b"
                  + "|\\byou(?:['’]re| are) (?:going|gonna) (?:to )?(?:die|bleed|get hurt"
                  + "|get what's coming)\\b"),
          Shape.english(
              "won't|won’t|wont",
              "\\byou won['’]?t (?:live|survive|make it|see (?:another|tomorrow|it coming|your \\w+"
                  + " again)|like what happens)\\b"),
          Shape.english(
              "or i|or we|or else|otherwise|if you",
              "\\b(?:or (?:else )?(?:i|we)|otherwise (?:i|we)|if you (?:don['’]?t|do not|ever)"
                  + "[^.?!\\n]{0,60}?\\b(?:i|we))"
                  + WILL
                  + "?\\s+(?:\\w+\\s+){0,2}?(?:kill|hurt|burn|break|stab|shoot|cut|bury|beat|torch"
                  + "|smash|gut|end|come for|find)\\s+"
                  + OBJECT),
          Shape.english(
              "or you|or your",
              "\\bor (?:else )?(?:you|your \\w+)(?:['’]ll| will| won['’]?t| will not| might| may)"
                  + "\\b[^.?!\\n]{0,40}?\\b(?:hurt|die|dead|make it|come home|be safe|regret|sorry"
                  + "|accident|happen\\w*|walk again)\\b"),
          Shape.english(
              "keep ",
              "\\bkeep (?:talking|it up|pushing|running your mouth|ignoring me|snitching)\\b"
                  + "[^.?!\\n]{0,40}?\\band (?:you|your|i|we)\\b"),
          Shape.english(
              "watch your back|one eye open|last warning|final warning|shame if",
              "\\bwatch your back\\b|\\bsleep with one eye open\\b|\\byour (?:last|final) warning\\b"
                  + "|\\bshame if (?:something|anything|it|your \\w+|he|she) (?:happened"
                  + "|were to happen|burned|burnt|caught fire|got hurt|had an accident)\\b"),
          Shape.english(
              "hurt if|burn if|suffer if|pay if|accident if|disappear if|missing if|safe if",
              "\\b(?:family|wife|husband|kids|children|son|daughter|mother|mom|house|car|shop"
                  + "|store|dog|cat) (?:will|is going to|might) (?:get hurt|be hurt|burn|suffer|pay"
                  + "|have an accident|disappear|go missing|not be safe) if\\b"),
          Shape.english(
              "make you|make sure you|find you|hunt you|come for you",
              "\\b(?:i|we)"
                  + WILL
                  + " (?:make (?:sure )?you (?:pay|suffer|bleed)|(?:find|hunt|come for) you)\\b"),
          Shape.english(
              "scare|terrif|threaten|afraid|fear|frighten",
              "\\b(?:write|draft|word|compose|phrase)\\b[^.?!\\n]{0,40}?\\b(?:threat\\w*|message"
                  + "|text|note|letter|dm|email)\\b[^.?!\\n]{0,60}?\\b(?:scare\\w*|terrif\\w*"
                  + "|threaten\\w*|afraid|fear|frighten\\w*)"));

  private static final List<Shape> ABROAD =
      List.of(
          Shape.abroad(
              "sé dónde|muert|o te |te voy|voy a|espaldas|o si no|puñalada",
              "\\bsé dónde (?:vives|trabajas|duermes|estudian|juegan|viven)\\b"
                  + "|\\beres (?:hombre|una mujer) muert[oa]\\b|\\bo te (?:mato|rompo|quemo|parto"
                  + "|reviento)\\b|\\bte voy a (?:matar|romper|partir|quemar|encontrar|reventar"
                  + "|rajar)\\b|\\bvoy a (?:matarte|romperte|partirte|quemarte|reventarte"
                  + "|rajarte)\\b|\\bcuídate las espaldas\\b|\\bo si no (?:te|vas a)"
                  + "|\\bte meto una puñalada\\b"),
          Shape.abroad(
              "sais où|tu vas|homme mort|ou je|ou j|je vais te|arrières|sinon|le feu",
              "\\bje sais où (?:tu|ta|ton|tes|habite|vit|travaille|dort|joue|vont)\\b"
                  + "|\\btu vas (?:mourir|crever|le payer)|\\bt['’]es (?:un )?homme mort\\b"
                  + "|\\bou (?:je|j['’]) ?(?:te|vais te) (?:tue|crève|casse|brûle|défonce|bute)\\b"
                  + "|\\bje vais te (?:tuer|crever|casser|défoncer|retrouver|buter|égorger|brûler)\\b"
                  + "|\\bsurveille tes arrières\\b|\\bsinon (?:c['’]est (?:elle|lui|toi|eux) qui"
                  + "|tu vas|tu verras)|\\b(?:fous|mets|vais mettre|vais foutre) le feu à (?:ta|ton"
                  + "|tes|votre|vos)\\b"),
          Shape.abroad(
              "sei onde|homem morto|ou te|ou eu|vou te|vou-te|vou matar|vou quebrar|vou queimar"
                  + "|senão|uma faca",
              "(?<!não )\\bsei onde (?:(?:você|voce|tu|teus?|tuas?|seus?|suas?) (?:mora|moras|trabalha"
                  + "|filhos?|filhas?|estuda)|moras\\b|trabalhas\\b|estudas\\b)"
                  + "|\\bvou (?:matar|quebrar|queimar) (?:você|voce|vocês|voces|tu|ti)\\b|\\b(?:és|é|está) (?:um )?homem morto\\b"
                  + "|\\bou (?:eu )?te (?:mato|quebro|queimo)\\b|\\bvou (?:te|-te) (?:matar|quebrar"
                  + "|encontrar|queimar|pegar|partir)\\b|\\bsenão (?:você|tu) (?:vai|vais) (?:ver"
                  + "|pagar)|\\bvou meter uma faca (?:nele|nela|em você|em ti)\\b"),
          Shape.abroad(
              "weiß, wo|weiß wo|büßen|toter mann|sonst|bring dich|mach dich|stech dich|schlag dich"
                  + "|brenn",
              "\\bich weiß,? wo (?:du|deine?[nmrs]?)\\b|\\bdu wirst es büßen\\b"
                  + "|\\bdu bist (?:ein )?toter mann\\b|\\bsonst (?:bring|mach|schlag|stech|fackel)"
                  + " ich (?:dich|dir|deine?)\\b|\\bich (?:bring|mach|stech|schlag) dich (?:um|kalt"
                  + "|tot|ab)\\b|\\bsonst passiert (?:was|etwas|dir|ihr|ihm)\\b"
                  + "|\\b(?:brennt|abbrennt|brennen wird)\\b[^.?!\\n]{0,30}?\\bwenn\\b"),
          Shape.abroad(
              "我知道你|死定了|小心你的|后果自负|否则|不然|我要|我会|我一定",
              "我知道你(?:住|家|在哪|孩子|女儿|儿子|老婆|上班)|你死定了|小心你的(?:狗命|小命)|后果自负"
                  + "|(?:否则|不然)我?就?(?:杀|弄死|打断|烧|宰)|我(?:要|会|一定)(?:杀了|弄死|宰了|砍死)你"));

  /** A threat received or answered, and stories that tell of one. */
  private static final Pattern ABOUT =
      Pattern.compile(
          "\\b(?:(?:someone|somebody|he|she|they|my \\w+) (?:sent|texted|told|wrote|messaged|said"
              + " to) me|received|got (?:a|this|these) (?:\\w+ )?(?:message|text|note|letter"
              + "|threat|dm|email)s?|threatened me|threatening me|how (?:do|should|can) i"
              + " (?:respond|reply|answer|report|handle|deal)|is (?:this|it|that) (?:a threat"
              + "|illegal|legal)|novel|story|stories|screenplay|script|fiction|thriller|character"
              + "|villain|detective|me (?:ha|han) (?:enviado|escrito|dicho)|on m['’]a (?:envoy"
              + "|écrit|dit)\\w*|j['’]ai re[çc]u|roman|recebi|me mandou|ich habe .{0,20}bekommen"
              + "|krimi)\\b|收到|小说",
          Pattern.UNICODE_CHARACTER_CLASS);

  private Threats() {}

  /** Whether {@code lower}, a text in lower case written in English, threatens someone. */
  static boolean english(String lower) {
    return Shape.any(ENGLISH, lower) && !ABOUT.matcher(lower).find();
  }

  /** Whether {@code lower}, a text in lower case in any of the six languages, threatens someone. */
  static boolean asks(String lower) {
    return (Shape.any(ENGLISH, lower) || Shape.any(ABROAD, lower)) && !ABOUT.matcher(lower).find();
  }

  /**
   * English words of which a text's stems hold one wherever {@link #ENGLISH} matches: the person
   * addressed, and the menace.
   */
  static final String ENGLISH_ADDRESSED = "you your ya";

  static final String ENGLISH_MENACE =
      "know seen watched watching burying buried next dead die bleed hurt survive live see kill"
          + " burn break stab shoot cut bury beat torch smash gut end come find talking pushing"
          + " mouth ignoring snitching watch eye warning shame happened happen pay suffer hunt"
          + " threat threaten threatening scare scared terrify afraid fear frighten like family"
          + " wife husband kids children son daughter mother mom house car shop store dog cat";
}
