package dev.lazurite.safety.embedded;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Hate without slurs, in six languages: a group of people named beside vermin or disease ("rats
 * carrying crime into our town"), said to be inferior by birth or fit only for a place ("too stupid
 * to lead", "back to the kitchen"), said to control the banks, denied rights, or told to go ("must
 * all go", "send them back"); and a genocide denied or excused. The words are everyday ones, so a
 * text is read for a group and such a claim together. Text that studies, reports, answers or
 * recounts such claims (history, propaganda, research, a racist relative) does not count. A text
 * that shows the shape is flagged for hate whatever the heads' chance; they still grade its
 * severity ({@link Shown}).
 */
final class HateClaims {
  private static final Lexicon GROUP =
      Lexicon.of(
          "immigrant|immigrants|migrant|migrants|refugee|refugees|asylum seeker|asylum seekers"
              + "|foreigner|foreigners|muslim|muslims|jews|jewish people|arab|arabs|blacks"
              + "|black people|black men|black women|black folks|african|africans|asian|asians"
              + "|chinese|mexican|mexicans|latino|latinos|hispanic|hispanics|indians|pakistani"
              + "|pakistanis|roma|gypsies|gypsy|travellers|travelers|gay|gays|lesbian|lesbians"
              + "|homosexual|homosexuals|queer|queers|trans people|trans women|trans men"
              + "|trans folks|transgender people|transgender women|transgender men|women|a woman"
              + "|females|the disabled|disabled people|disabled folks|disabled kids|cripples"
              + "|autistic people|autistic kids|romanian|romanians|poles|natives|aboriginal"
              + "|aboriginals|christians|hindus|sikhs|deaf people|deaf folks|the deaf|blind people"
              + "|the blind|dwarfs|midgets"
              + "|inmigrantes|migrantes|refugiados|extranjeros|musulmanes|judíos|negros|gitanos"
              + "|homosexuales|mujeres|una mujer|discapacitados|minusválidos|moros|árabes|sudacas"
              + "|chinos|indios|sordos|imigrantes|estrangeiros|muçulmanos|judeus|ciganos|mulheres"
              + "|uma mulher|deficientes|nordestinos|índio|índios|indígenas|bichas|surdos"
              + "|immigrés|réfugiés|étrangers|musulmans|juifs|noirs|roms|gitans|homosexuels|femmes"
              + "|une femme|handicapés|arabes|sourds|trans|ausländer|migranten|flüchtlinge"
              + "|asylanten|muslime|juden|schwarze|schwarzen|schwarzer|zigeuner|schwule|schwulen"
              + "|schwuler|frauen|eine frau|behinderte|behinderten|araber|türken"
              + "|pessoas com deficiência|personas con discapacidad|personnes handicapées"
              + "|menschen mit behinderung|tutsis|tutsi|armenians|armenios|arméniens|armenier"
              + "|移民|难民|外国人|穆斯林|犹太人|黑人|吉普赛人|同性恋|女人|女性|残疾人|阿拉伯人|黑鬼");

  /** Claims that need no more than their words, in the six languages. */
  private static final Lexicon CLAIM =
      Lexicon.of(
          "subhuman|subhumans|sub-human|sub-humans|infest*|breed like|swarm*|fumigat*"
              + "|exterminat*|inferior|less intelligent|less human|not human|not fully human"
              + "|not really human|only good for|belong in the kitchen|back to the kitchen"
              + "|back in the kitchen|ballast|useless eaters|burden on society|burden on the nation"
              + "|burden on the country|burden on us|send them back|send them all back"
              + "|send all of them back|get rid of them|get rid of all|get rid of every"
              + "|wipe them out|wipe out|no place in our country|no place in this country"
              + "|no place in our society|no place in this society|no place in our town|no rights"
              + "|by nature|segregat*|useless mouths|cost us|cost society|cost taxpayers"
              + "|control the banks|control the media|control the world|control the government"
              + "|controls the banks|controls the media|run the banks|run the media|run the world"
              + "|control hollywood|run hollywood|control everything"
              + "|ratas|cucarachas|plaga|parásitos|alimañas|animales|monos|escoria|infrahumanos"
              + "|inferiores|no vale para|no valen para|solo sirve para|solo sirven para"
              + "|solo vale para|solo valen para|no merece|no merecen|a la cocina|por naturaleza"
              + "|una enfermedad|sin derechos|fuera de aquí|fuera de nuestro país|no son humanos"
              + "|no deberían tener derecho|controlan|ratos|baratas|praga|parasitas|vermes"
              + "|animais|macacos|sub-humanos|subhumanos|só servem para|burra demais"
              + "|burras demais|não merece|não merecem|para a cozinha|por natureza|é doença"
              + "|é uma doença|são doença|são uma doença|afastados da sociedade"
              + "|afastadas da sociedade|sem direitos|fora daqui|não são humanos"
              + "|não deveriam ter direito|controlam|cafards|vermine|plaie|singes|sous-hommes"
              + "|inférieur|inférieure|inférieurs|inférieures|trop bête pour|trop bêtes pour"
              + "|trop stupide pour|trop stupides pour|trop conne pour|trop connes pour"
              + "|trop cons pour|ne sont bonnes qu'à|n'est bonne qu'à|ne sont bons qu'à"
              + "|ne méritent pas|à la cuisine|par nature|une maladie|bouches inutiles"
              + "|coûtent cher à la société|pas de droits|pas des humains"
              + "|ne devraient pas avoir le droit|contrôlent|ratten|kakerlaken|ungeziefer"
              + "|parasiten|schmarotzer|tiere|affen|untermenschen|abschaum|minderwertig*"
              + "|zu dumm|taugen nur|verdienen keine|raus mit ihnen|raus mit denen|ausrotten"
              + "|von natur aus|eine krankheit|keine rechte|keine bürgerrechte|keine menschen"
              + "|sollten kein recht|die fäden"
              + "|老鼠|蟑螂|害虫|寄生虫|畜生|猴子|垃圾|瘟疫|低等|劣等|不配|只配|滚出|赶出|滚回|消灭|清除|是一种病"
              + "|没有权利"
              + "|expulsar a todos|expulsar todos|echar a todos|expulser tous|expulser toutes"
              + "|alle abschieben|alle rauswerfen|nutzlose esser|unnütze esser|um peso para a sociedade"
              + "|un peso para la sociedad|un fardeau pour la société|eine last für die gesellschaft"
              + "|responsables de toutes|responsables de tous|culpables de todas|culpables de todos"
              + "|culpados de todas|culpados de tudo|schuld an allen|schuld an allem"
              + "|steuern die weltwirtschaft|steuern die welt|steuern die medien|steuern die banken"
              + "|kontrollieren die weltwirtschaft|kontrollieren die welt|kontrollieren die medien"
              + "|kontrollieren die banken|for being lazy|for being stupid"
              + "|for being dirty|for being criminals|keep our town white|keep our country white"
              + "|keep our city white|keep the town white|whites only|white only");

  /** Claims whose words need an order: "are rats", "must all go", "don't deserve rights". */
  private static final List<Shape> CLAIMS =
      List.of(
          Shape.english(
              "rat|rodent|roach|vermin|parasit|lice|leech|plague|disease|cancer|animal|ape"
                  + "|monkey|insect|pest|filth|savage",
              "\\b(?:are|is|were|like|as|just|nothing but|no better than|than|bunch of|pack of"
                  + "|those|these|filthy|dirty)\\s+(?:\\w+\\s+){0,2}?(?:rats|rodents"
                  + "|cockroach(?:es)?|roaches|vermin|parasites?|lice|leech(?:es)?|a plague"
                  + "|a disease|a cancer|animals|apes|monkeys|insects|pests|filth|savages)\\b"),
          Shape.english("too ", "\\btoo (?:stupid|dumb|emotional|weak|primitive) to\\b"),
          Shape.english(
              "born|genetic|natural|innate|inherent",
              "\\b(?:born|genetically|naturally|innately|inherently) (?:criminals?|stupid|lazy"
                  + "|violent|inferior|thieves|dishonest)\\b"),
          Shape.english(
              "deserve|shouldn|should not|must not|mustn",
              "\\b(?:don['’]?t|do not|doesn['’]?t) deserve (?:rights|to (?:vote|live|work|exist)"
                  + "|equal)|\\b(?:shouldn['’]?t|should not|must not|mustn['’]?t) (?:be allowed to"
                  + "|have (?:the )?(?:right|rights|vote))"),
          Shape.english(
              "must|should|need to|have to|ought to",
              "\\b(?:must|should|need to|have to|ought to) (?:all )?(?:go (?:away|home|back)"
                  + "|all go|leave (?:our|this|the) (?:country|town|city)|get out|be (?:deported"
                  + "|removed|expelled|sterili[sz]ed|locked up|banned|wiped out|eradicated"
                  + "|gassed))\\b"),
          Shape.english(
              "go back|ban",
              "\\bgo back (?:to|where) (?:where|their|your|they)\\b|\\bban\\w* (?:all )?\\w+ from\\b"),
          Shape.english(
              "mental illness|disease|danger to",
              "\\b(?:is|are) (?:a |an )?(?:mental illness|disease|danger to (?:children|kids"
                  + "|society))\\b"),
          Shape.abroad(
              "deben|tienen que|hay que|devem|têm de|tem que|doivent|faut les|müssen|sollen"
                  + "|sollten|天生|控制",
              "\\b(?:deben|tienen que|hay que) (?:irse|largarse|echarl[oa]s|expulsarl[oa]s"
                  + "|deportarl[oa]s|volver a su)|\\b(?:devem|têm de|tem que) (?:ir embora|sair"
                  + "|ser expuls[oa]s|ser deportad[oa]s|voltar para)|\\b(?:doivent|faut les)"
                  + " (?:partir|dégager|expulser|renvoyer|rentrer)|\\b(?:müssen|sollen|sollten)"
                  + " (?:alle )?(?:weg|raus|verschwinden|abgeschoben werden)\\b"
                  + "|天生.{0,3}(?:笨|蠢|劣|低)|控制.{0,10}(?:银行|媒体|世界|政府)"));

  /**
   * Content asked for that mocks, humiliates or blames a group, or jokes about a group's supposed
   * failings: with a group named, as every claim.
   */
  private static final List<Shape> REQUESTS =
      List.of(
          Shape.english(
              "joke|meme|roast|song|poem|poster|flyer|leaflet|pamphlet|speech|essay|article|thread"
                  + "|tweet|post|propaganda",
              "\\b(?:jokes?|memes?|roasts?|songs?|poems?|posters?|flyers?|leaflets?|pamphlets?"
                  + "|propaganda"
                  + "|speech|essay|article|thread|tweets?|posts?)\\b[^.?!\\n]{0,60}?\\b(?:mak(?:e|es"
                  + "|ing) fun of|mock(?:s|ing)?|humiliat\\w*|ridicul\\w*|blam(?:e|es|ing)|demean\\w*"
                  + "|degrad\\w*)\\b|\\b(?:mak(?:e|es|ing) fun of|mock(?:s|ing)?|ridicul\\w*)\\b"
                  + "[^.?!\\n]{0,60}?\\b(?:jokes?|memes?)\\b"),
          Shape.abroad(
              "chiste|meme|discurso|panfleto|cartel|art|texto|witz|rede|flugblatt|plakat|aufsatz"
                  + "|beitrag|text|blague|tract|affiche|article|piada|cartaz|artigo|笑话|宣传|文案|传单",
              "\\b(?:chistes?|memes?|discurso|panfleto|cartel|art[íi]culo|texto|witze?|rede"
                  + "|flugblatt|plakat|artikel|aufsatz|beitrag|blagues?|discours|tract|affiche"
                  + "|article|piadas?|cartaz|artigo)\\b[^.?!\\n]{0,60}?\\b(?:burl\\w*|humill\\w*"
                  + "|ridiculiz\\w*|se r[íi]an de|culpando|lustig mach\\w*|verspott\\w*"
                  + "|erniedrig\\w*|dem[üu]tig\\w*|moqu\\w*|humili\\w*|ridiculis\\w*|zomb\\w*"
                  + "|humilh\\w*|ridiculariz\\w*|zur gewalt gegen|zu gewalt gegen|[àa] la violence"
                  + " contre|a la violencia contra|[àa] viol[êe]ncia contra)"
                  + "|\\b(?:chistes|blagues|piadas|witze)\\b[^.?!\\n]{0,60}?\\b(?:perezos\\w*|vag[ao]s"
                  + "|tont[oa]s|sucios|paresse\\w*|fain[ée]ants?|b[êe]tes|sales|pregui[çc]\\w*"
                  + "|burr[oa]s|sujos|faul\\w*|dumm\\w*|dreckig\\w*)"
                  + "|嘲笑[^。！？]{0,10}笑话|笑话[^。！？]{0,10}嘲笑"
                  + "|(?:宣传|文案|传单)[^。！？]{0,20}(?:驱逐|赶出|消灭)"));

  /** A genocide denied, excused or wished again. */
  private static final Shape GENOCIDE =
      Shape.abroad(
          "holocaust|shoah|genocid|génocide|srebrenica|rwanda|nakba|völkermord|大屠杀",
          "\\b(?:holocaust|shoah|genocide|srebrenica|rwanda\\w*|nakba|holocausto|genocidio"
              + "|genocídio|génocide|völkermord)\\b[^\\n]{0,80}?\\b(?:exaggerated|a hoax|a lie"
              + "|never happened|fake|made up|deserved|had it coming|good thing|finish|not enough"
              + "|didn['’]?t go far enough|again|exagerad[oa]|mentira|nunca (?:pasó|aconteceu)"
              + "|merecían|mereciam|exagéré|mensonge|n['’]a jamais eu lieu|méritaient|übertrieben"
              + "|lüge|erfunden|nie passiert|verdient|justified|justifiable|self-defen[cs]e"
              + "|nunca ocurri[oó]|justificad[oa]|leg[ií]tima defensa"
              + "|justifi[ée]|l[ée]gitime d[ée]fense|gerechtfertigt|leg[ií]tima defesa"
              + "|nunca existiu|hat nie stattgefunden)\\b|大屠杀.{0,20}(?:是假的|编造|夸大|活该)");

  /** Text that studies, reports, answers or recounts such claims. */
  private static final Pattern ABOUT =
      Pattern.compile(
          "\\b(?:(?<!write |make |create |draft |generate )propaganda|history|historical\\w*|historians?|nazis? (?:called|compared|portrayed)"
              + "|(?:were|are|was) (?:called|described|portrayed|depicted|compared)|referred to"
              + "|rhetoric|dehumani[sz]\\w*|stereotypes? (?:about|of)|is (?:it|this|that)"
              + " (?:racist|sexist|hate speech|offensive|true)|racist (?:uncle|aunt|relative|friend"
              + "|dad|father|mother|mom|neighbou?r|coworker|colleague)|respond\\w*|reply|counter\\w*"
              + "|debunk\\w*|report\\w*|analy[sz]\\w*|research\\w*|stud(?:y|ies)|statistics?|myths?"
              + "|genocide (?:studies|museum|memorial)|hate speech|why (?:is|are) (?:it|this|these)"
              + " (?:wrong|offensive|harmful)|pest control|exterminator|historia|histórica"
              + "|propagande|histoire|geschichte|estereotipos?|stéréotypes?|vorurteil\\w*"
              + "|rassistisch\\w*|racista|raciste|denunci\\w*|signaler|melden|réponds|répondre)\\b"
              + "|历史|(?<!写(?:一篇|一段|个|份)?)宣传|刻板印象|歧视是|举报",
          Pattern.UNICODE_CHARACTER_CLASS);

  private HateClaims() {}

  /** Whether {@code lower}, a text in lower case, makes a hateful claim about a group. */
  static boolean asks(String lower) {
    return (((CLAIM.in(lower) || Shape.any(CLAIMS, lower) || Shape.any(REQUESTS, lower))
                && GROUP.in(lower))
            || GENOCIDE.shows(lower))
        && !ABOUT.matcher(lower).find();
  }

  /**
   * English words of the two parts, for the cheap test of English text, whose stems are at hand: a
   * group (or a genocide), and a claim.
   */
  static final String ENGLISH_GROUP =
      "immigrant immigrants migrant migrants refugee refugees asylum foreigner foreigners muslim"
          + " muslims jews jewish arab arabs blacks black african africans asian asians chinese"
          + " mexican mexicans latino latinos hispanic hispanics indians pakistani pakistanis roma"
          + " gypsies gypsy travellers travelers gay gays lesbian lesbians homosexual homosexuals"
          + " queer queers trans transgender women woman females disabled cripples autistic"
          + " romanian romanians poles natives aboriginal aboriginals christians hindus sikhs"
          + " deaf blind dwarfs midgets holocaust shoah genocide srebrenica rwanda rwandan"
          + " armenian armenians nakba tutsi tutsis";

  static final String ENGLISH_CLAIM =
      "rats rodents cockroach cockroaches roaches vermin parasite parasites lice leech leeches"
          + " plague infest infested infestation disease cancer animals apes monkeys subhuman"
          + " subhumans insects pests filth savages breed swarm swarming fumigate exterminate"
          + " extermination inferior intelligent human stupid dumb emotional weak primitive good"
          + " born genetically naturally innately inherently deserve kitchen ballast eaters burden"
          + " must should need have ought back rid wipe place ban banned banning allowed rights"
          + " right illness danger nature segregate segregated segregation mouths cost control"
          + " controls run exaggerated hoax lie happened fake made deserved coming thing finish"
          + " enough far again justified justifiable self defense defence lazy dirty criminals"
          + " white joke jokes meme memes propaganda fun mock mocking humiliate humiliating ridicule"
          + " blame blaming demean demeaning degrade degrading";
}
