package dev.lazurite.safety.embedded;

import java.util.regex.Pattern;

/**
 * {@link HarmRequests} in Spanish, French, Portuguese, German and Chinese: each language's request
 * frames ("cómo puedo", "comment", "como faço para", "wie kann ich", "怎么"), its acts and the words
 * for people, in the order the language puts them: the person after the act and its personal "a" in
 * Spanish, an object pronoun before the act or joined to it ("matarla", "te tuer", "matá-lo"), the
 * person before the infinitive in German or between the parts of a separable verb ("bringe … um"),
 * and the object before the act after Chinese 把.
 */
final class HarmRequestsAbroad {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  private static final String SPANISH_ACT =
      "(?:matar|asesinar|apu[ñn]alar|acuchillar|estrangular|envenenar|ahogar|quemar|golpear|pegar"
          + "|torturar|secuestrar|disparar|degollar|rajar|atropellar|herir|mutilar|apalear|linchar"
          + "|asfixiar|descuartizar|decapitar|lastimar|lisiar|maltratar|hacer da[ñn]o|emboscar"
          + "|dar(?:le)? una paliza|romper(?:le)? las piernas|partir(?:le)? la cara)";

  private static final String SPANISH_PERSON =
      "(?:(?:mi|mis|su|sus|tu|tus|ese|esa|esos|esas|aquel|aquella|este|esta|la|el|los|las|un|una"
          + "|unos|unas)\\s+)?(?:\\w+\\s+)?(?:esposa|esposo|marido|mujer|novia|novio|pareja|ex\\w*"
          + "|vecin[oa]s?|jef[ea]s?|suegr[oa]s?|cu[ñn]ad[oa]s?|madre|padre|padres|mam[aá]|pap[aá]"
          + "|hij[oa]s?|herman[oa]s?|profesor(?:a|es)?|maestr[oa]s?|compa[ñn]er[oa]s?|ni[ñn][oa]s?"
          + "|beb[eé]s?|hombres?|mujeres|personas?|gente|alguien|tipo|t[ií][oa]s?|prim[oa]s?"
          + "|abuel[oa]s?|sobrin[oa]s?|polic[ií]as?|testigos?|desconocid[oa]s?|perr[oa]s?|gat[oa]s?"
          + "|animal(?:es)?)";

  static final Shape SPANISH =
      new Shape(
          Pattern.compile(
              "\\b(?:c[oó]mo(?:\\s+(?:puedo|podr[ií]a|podemos|hago para|hacer para|se puede))?"
                  + "|(?:mejor|m[aá]s f[aá]cil|m[aá]s r[aá]pid[ao]|m[aá]s segur[ao]) (?:manera|forma)"
                  + " de|(?:manera|forma) de|quiero|voy a|vamos a|pienso|necesito|tengo que"
                  + "|ay[uú]dame a|ens[eé][ñn]ame a)\\s+"
                  + "(?:(?!no\\b|nunca\\b|evitar\\b|dejar\\b|impedir\\b)\\w+\\s+){0,2}?(?:"
                  + SPANISH_ACT
                  + "(?:l[oa]s?|le|les|te)\\b|"
                  + SPANISH_ACT
                  + "(?:\\s+viv[oa]s?)?\\s+(?:\\w+mente\\s+)?(?:a|al)\\s+"
                  + SPANISH_PERSON
                  + "\\b)|\\bte\\s+(?:voy|vamos) a\\s+"
                  + SPANISH_ACT
                  + "|\\bte\\s+(?:mato|rajo|apu[ñn]alo|degüello|estrangulo|quemo|reviento)\\b",
              FLAGS),
          "mat|asesin|apuñal|apunal|acuchill|estrangul|envenen|ahog|quem|golpe|peg|tortur|secuestr"
              + "|lastim|lisiar|maltrat|daño|dano|embosc|paliza|piernas|cara"
              + "|dispar|degoll|raj|atropell|her|mutil|apale|linch|asfixi|descuartiz|decapit"
              + "|degüell|reviento");

  private static final String FRENCH_ACT =
      "(?:tuer|buter|assassiner|poignarder|[ée]trangler|empoisonner|noyer|br[uû]ler|frapper"
          + "|tabasser|torturer|kidnapper|enlever|tirer sur|[ée]gorger|mutiler|d[ée]capiter"
          + "|[ée]touffer|asphyxier|d[ée]membrer|lyncher|[ée]craser|blesser|maltraiter"
          + "|casser (?:les|la|le) (?:genoux|gueule|jambes?|bras|dents|cr[âa]ne) (?:de|[àa]|du)"
          + "|d[ée]foncer)";

  private static final String FRENCH_PERSON =
      "(?:(?:mon|ma|mes|son|sa|ses|ton|ta|tes|notre|nos|votre|vos|ce|cet|cette|ces|le|la|les|un"
          + "|une|des)\\s+|l['’])?(?:[\\w-]+\\s+)?(?:femme|mari|[ée]poux|[ée]pouse|copine|copain"
          + "|voisin(?:e|s|es)?|patron(?:ne)?|chef|coll[èe]gues?|belle-m[èe]re|beau-p[èe]re"
          + "|belle-s[œo]eur|beau-fr[èe]re|m[èe]re|p[èe]re|parents|fils|filles?|fr[èe]res?"
          + "|s[œo]eurs?|prof(?:esseur)?s?|enfants?|b[ée]b[ée]s?|gamin(?:e|s|es)?|hommes?"
          + "|personnes?|gens|quelqu['’]un|types?(?!\\s+d)|mecs?|ex|oncle|tante|cousin(?:e|s|es)?"
          + "|grand-m[èe]re|grand-p[èe]re|neveu|ni[èe]ce|flics?|policiers?|t[ée]moins?"
          + "|inconnu(?:e|s|es)?|chiens?|chats?|animaux|animal)";

  static final Shape FRENCH =
      new Shape(
          Pattern.compile(
              "\\b(?:comment(?:\\s+(?:puis-je|je peux|pourrais-je|faire pour|on peut|peut-on))?"
                  + "|(?:meilleure?|plus simple|plus rapide|plus discr[eè]te?|plus s[uû]re?)"
                  + " (?:fa[çc]on|moyen|m[ée]thode|mani[èe]re) (?:de\\s|d['’])|je veux|je vais"
                  + "|on va|j['’]ai envie (?:de\\s|d['’])|aide-moi [àa]|apprends-moi [àa]"
                  + "|dis-moi comment)\\s*"
                  + "(?:(?!ne\\b|n['’]|pas\\b|jamais\\b|[ée]viter\\b|emp[êe]cher\\b|arr[êe]ter\\b)"
                  + "[\\w'’-]+\\s+){0,2}?(?:(?:l['’]|le\\s+|la\\s+|les\\s+|te\\s+|t['’]|vous\\s+"
                  + "|lui\\s+)"
                  + FRENCH_ACT
                  + "\\b|"
                  + FRENCH_ACT
                  + "\\s+(?:\\w+ment\\s+)?"
                  + FRENCH_PERSON
                  + "\\b)",
              FLAGS),
          "tuer|buter|assassin|poignard|trangl|empoison|noyer|brûl|brul|frapp|tabass|tortur"
              + "|bless|maltrait|casser|défonc|defonc"
              + "|kidnapp|enlev|tirer sur|gorg|mutil|capit|touff|asphyxi|membr|lynch|cras");

  private static final String PORTUGUESE_ACT =
      "(?:matar|assassinar|esfaquear|estrangular|envenenar|afogar|queimar|espancar|bater em"
          + "|torturar|sequestrar|raptar|atirar em|degolar|mutilar|atropelar|sufocar|asfixiar"
          + "|decapitar|esquartejar|linchar|agredir|machucar|ferir|maltratar"
          + "|dar uma surra (?:em|n[oa])|quebrar as pernas (?:de|d[oa]))";

  private static final String PORTUGUESE_PERSON =
      "(?:(?:o|a|os|as|um|uma|meu|minha|meus|minhas|seu|sua|teu|tua|esse|essa|aquele|aquela|este"
          + "|esta)\\s+)?(?:(?:meu|minha|seu|sua|teu|tua)\\s+)?(?:\\w+\\s+)?(?:esposa|marido"
          + "|mulher|namorad[ao]|companheir[ao]|ex|vizinh[ao]s?|chefe|patr[ãa]o|sogr[ao]"
          + "|cunhad[ao]|m[ãa]e|pai|pais|filh[ao]s?|irm[ãa]os?|irm[ãa]s?|professor(?:a|es)?"
          + "|colegas?|crian[çc]as?|beb[êe]s?|homem|homens|pessoas?|gente|algu[ée]m|cara|tio|tia"
          + "|prim[oa]s?|av[óô]|sobrinh[oa]s?|policia(?:l|is)|testemunhas?|estranh[oa]s?"
          + "|cachorr[oa]s?|c[ãa]es|c[ãa]o|gat[oa]s?|animais|animal)";

  static final Shape PORTUGUESE =
      new Shape(
          Pattern.compile(
              "\\b(?:como(?:\\s+(?:posso|poderia|fa[çc]o para|faria para|se faz para|consigo"
                  + "|eu))?|(?:melhor|mais f[aá]cil|mais r[aá]pid[ao]|mais segur[ao]) (?:maneira"
                  + "|forma|jeito) de|(?:maneira|forma|jeito) de|quero|vou|vamos|preciso"
                  + "|me ajuda a|ajuda-me a|ensina-me a|me ensina a)\\s+"
                  + "(?:(?!n[aã]o\\b|nunca\\b|evitar\\b|impedir\\b|parar\\b)\\w+\\s+){0,2}?(?:"
                  + "(?:mat|assassin|esfaque|estrangul|envenen|afog|queim|espanc|tortur|sequestr"
                  + "|rapt|degol|mutil|atropel|sufoc|asfixi|decapit|esquartej|linch)[aá]-l[oa]s?\\b"
                  + "|"
                  + PORTUGUESE_ACT
                  + "-(?:te|lhe|vos)\\b|(?:te|vos)\\s+"
                  + PORTUGUESE_ACT
                  + "\\b|"
                  + PORTUGUESE_ACT
                  + "\\s+(?:\\w+mente\\s+)?"
                  + PORTUGUESE_PERSON
                  + "\\b)",
              FLAGS),
          "mat|assassin|esfaque|estrangul|envenen|afog|queim|espanc|bater em|tortur|sequestr"
              + "|machuc|ferir|maltrat|surra|pernas"
              + "|rapt|atirar em|degol|mutil|atropel|sufoc|asfixi|decapit|esquartej|linch|agred");

  private static final String GERMAN_PERSON =
      "(?:(?:(?:meine[nmrs]?|seine[nmrs]?|ihre[nmrs]?|deine[nmrs]?|unsere[nmrs]?|den|dem|die|der"
          + "|das|diesen|dieser|diese|diesem|einen|einem|eine|einer|ein)\\s+)?(?:\\w+\\s+)?"
          + "(?:frau|mann|ehemann|ehefrau|freundin|freund|nachbar(?:n|in)?|chef(?:in)?"
          + "|kolleg(?:e|en|in)|schwiegermutter|schwiegervater|mutter|vater|eltern|sohn|tochter"
          + "|bruder|schwester|lehrer(?:in)?|kind|kinder|baby|typ(?:en)?|kerl|menschen?|person"
          + "|jemand(?:en)?|ex|onkel|tante|cousin(?:e)?|neffen?|nichte|oma|opa|polizist(?:en)?"
          + "|zeugen?|hund(?:e|en)?|katzen?|tiere?)|dich|euch)";

  static final Shape GERMAN =
      new Shape(
          Pattern.compile(
              // The person, then the infinitive: "wie kann ich meinen Nachbarn vergiften".
              "\\b(?:wie|ich|man|um|(?:der|die) (?:beste|einfachste|schnellste|sicherste"
                  + "|unauff[äa]lligste) (?:weg|art|methode),?|hilf mir|zeig mir)\\s+"
                  + "(?:(?!nicht\\b|nie\\b|kein\\w*\\b)[\\w,]+\\s+){0,4}?"
                  + GERMAN_PERSON
                  + "\\s+(?:(?!nicht\\b)[\\w,]+\\s+){0,3}?(?:zu\\s+)?(?:umbringen|umzubringen"
                  + "|t[öo]ten|ermorden|erstechen|abstechen|erw[üu]rgen|vergiften|ertr[äa]nken"
                  + "|verbrennen|anz[üu]nden|verpr[üu]geln|foltern|entf[üu]hren|erschie[ßs]en"
                  + "|k[öo]pfen|erschlagen|totschlagen|zusammenschlagen|abknallen|verletzen|qu[äa]len"
                  + "|misshandeln|verst[üu]mmeln)\\b"
                  // The act, then the person: "wie vergifte ich meinen Nachbarn".
                  + "|\\b(?:wie|ich)\\s+(?:(?:t[öo]te|ermorde|ersteche|erw[üu]rge|vergifte"
                  + "|ertr[äa]nke|verbrenne|verpr[üu]gle|verpr[üu]gel|foltere|entf[üu]hre"
                  + "|erschie[ßs]e|k[öo]pfe|erschlage|verletze|qu[äa]le|misshandle)\\s+(?:ich\\s+)?"
                  + GERMAN_PERSON
                  + "\\b|(?:bringe?|z[üu]nde|schlage?)\\s+(?:ich\\s+)?"
                  + GERMAN_PERSON
                  + "\\s+(?:[\\w,]+\\s+){0,3}?(?:um|an|tot|zusammen)\\b)",
              FLAGS),
          "bring|töt|tot|ermord|stech|würg|vergift|ertränk|verbrenn|zünd|prügel|prügl|folter"
              + "|entführ|erschie|köpf|schlag|abknall|verletz|quäl|qual|misshand|verstümm");

  private static final String CHINESE_ACT =
      "(?:杀死|杀掉|杀了|弄死|毒死|掐死|勒死|淹死|烧死|捅死|砍死|打死|闷死|撞死|害死|绑架|拐走|杀|下毒|投毒" + "|打断|打残|打伤|虐待|折磨)";

  private static final String CHINESE_PERSON =
      "(?:(?:我|他|她|你)的?|那个|这个|一个)?(?:老婆|妻子|丈夫|老公|前妻|前夫|前男友|前女友|男朋友|女朋友|男友"
          + "|女友|邻居|老板|上司|领导|同事|妈妈|母亲|爸爸|父亲|婆婆|公公|岳母|岳父|孩子|小孩|儿子|女儿|哥哥|弟弟"
          + "|姐姐|妹妹|老师|同学|室友|警察|人|他|她|流浪猫|流浪狗|猫|狗|动物)";

  private static final String CHINESE_CLAUSE = "[^。？！?!，,；;]";

  static final Shape CHINESE =
      new Shape(
          Pattern.compile(
              "(?:怎么|怎样|如何|用什么办法|有什么办法|什么方法|教我|帮我|我(?:要|想|会|得|明天|今天|今晚|马上|一定|就))"
                  + "(?:(?!不|别|没|防止|避免)"
                  + CHINESE_CLAUSE
                  + "){0,5}?(?:"
                  + CHINESE_ACT
                  + CHINESE_CLAUSE
                  + "{0,2}?"
                  + CHINESE_PERSON
                  + "|把"
                  + CHINESE_CLAUSE
                  + "{0,3}?"
                  + CHINESE_PERSON
                  + CHINESE_CLAUSE
                  + "{0,3}?"
                  + CHINESE_ACT
                  + "|给"
                  + CHINESE_PERSON
                  + CHINESE_CLAUSE
                  + "{0,4}?"
                  + CHINESE_ACT
                  + ")"),
          "杀|死|绑架|拐走|毒|打断|打残|打伤|虐待|折磨");

  /**
   * An attack planned on a place where people gather or on a person, in the five languages:
   * "planear un ataque contra la sinagoga", "organiser une attaque contre …", "planejar um ataque
   * na escola", "策划一次在地铁站……的袭击".
   */
  static final Shape ATTACKS =
      new Shape(
          Pattern.compile(
              "\\b(?:planear|planificar|organizar|preparar|planejar|organiser|planifier"
                  + "|pr[ée]parer|planen|organisieren|vorbereiten)\\b[^.?!\\n]{0,30}?\\b(?:un ataque"
                  + "|una emboscada|un atentado|una masacre|une attaque|un attentat|une embuscade"
                  + "|un massacre|um ataque|um atentado|uma emboscada|um massacre|einen anschlag"
                  + "|einen angriff|einen hinterhalt|ein massaker|ein blutbad)\\b[^.?!\\n]{0,20}?"
                  + "\\b(?:contra|contre|na|no|em|en|auf|gegen|in|im|à|au|dans)\\s+(?:\\w+\\s+){0,3}?"
                  + "(?:escuela|colegio|instituto|universidad|iglesia|sinagoga|mezquita|templo|metro"
                  + "|estaci[oó]n|mercado|concierto|centro comercial|escola|faculdade|igreja"
                  + "|mesquita|esta[çc][ãa]o|shopping|show|[ée]cole|coll[èe]ge|lyc[ée]e|universit[ée]"
                  + "|[ée]glise|synagogue|mosqu[ée]e|gare|march[ée]|concert|schule|universit[äa]t"
                  + "|kirche|synagoge|moschee|bahnhof|markt|konzert|tipo|vecin[oa]|novi[oa]|ex"
                  + "|voisin(?:e)?|mec|type|vizinh[oa]|cara|nachbarn?|typen)\\b"
                  + "|(?:策划|计划|组织|准备)[^。！？]{0,20}?(?:袭击|屠杀|恐袭|爆炸案)",
              FLAGS),
          "planear|planificar|organizar|preparar|planejar|organiser|planifier|préparer|preparer"
              + "|planen|organisieren|vorbereiten|策划|计划|组织|准备");

  private HarmRequestsAbroad() {}
}
